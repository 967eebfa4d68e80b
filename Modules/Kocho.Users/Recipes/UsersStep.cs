using Kocho.Core.Recipes;
using Kocho.Users.Accounts;

namespace Kocho.Users.Recipes;

/// <summary>
/// <c>{ "name": "users", "users": [ { "login", "name", "department", "roles": [], "email", "password" } ] }</c>
/// — staff accounts; an account whose login exists is left as it is.
/// </summary>
public sealed class UsersStep(StaffAccounts accounts) : IRecipeStepHandler
{
    public string StepName => "users";

    public sealed record Item(string Login, string Name, string? Department, List<string>? Roles, string? Email, string Password);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Read<List<Item>>("users"))
        {
            if (await accounts.FindByLoginAsync(item.Login, cancellationToken) is not null) continue;
            try
            {
                await accounts.CreateAsync(new StaffAccounts.NewStaff(item.Login, item.Name, item.Department, item.Roles ?? [], item.Password, item.Email), cancellationToken);
            }
            catch (AccountException ex)
            {
                throw new RecipeException($"ユーザ「{item.Login}」: {ex.Message}");
            }
        }
    }
}
