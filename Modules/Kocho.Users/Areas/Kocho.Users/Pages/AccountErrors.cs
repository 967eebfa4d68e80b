using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kocho.Users.Areas.Kocho.Users.Pages;

public static class AccountErrors
{
    /// <summary>Shows a refused change beside the input it is about (<c>Input.&lt;Field&gt;</c>), or above the form.</summary>
    public static void Add(this ModelStateDictionary modelState, AccountException error, string prefix = "Input") =>
        modelState.AddModelError(error.Field is null ? "" : $"{prefix}.{error.Field}", error.Message);

    /// <summary>Errors that belong to no input (shown above the form).</summary>
    public static IEnumerable<string> FormErrors(this ModelStateDictionary modelState) =>
        modelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
