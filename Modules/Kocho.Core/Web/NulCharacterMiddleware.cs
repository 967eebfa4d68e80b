using Microsoft.AspNetCore.Http;

namespace Kocho.Core.Web;

/// <summary>
/// Refuses a NUL character in the path or a query value with 400 and a Japanese sentence: PostgreSQL cannot store
/// or compare it in text, so it would otherwise end as a server error (issue #11, injection in query parameters).
/// </summary>
public sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public const string RejectedMessage = "アドレスに使用できない文字（NUL）が含まれています。";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var hasNul = (request.Path.Value?.Contains('\0', StringComparison.Ordinal) ?? false)
            || request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
        if (!hasNul)
        {
            await next(context);
            return;
        }
        // A page, the API's JSON error, or the API's own format (Open311's error list) for its paths.
        await Refusals.RequestRefusal.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid_character", RejectedMessage);
    }
}
