using Kocho.Api.Keys;
using Kocho.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace Kocho.Api.Access;

/// <summary>
/// The one door of both APIs: key (401/403 for Open311's api_key), scope (403), rate limit per key (429 with
/// Retry-After); then every admitted call is written to the audit trail with its outcome.
/// </summary>
public sealed class ApiGate(ApiKeyService keys, ApiRateLimiter limiter, IAuditTrail audit)
{
    public const string AuthorizationScheme = "Bearer";
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The key from <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>.</summary>
    public static string? HeaderKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(AuthorizationScheme + " ", StringComparison.OrdinalIgnoreCase)) return authorization[(AuthorizationScheme.Length + 1)..].Trim();
        var header = request.Headers[KeyHeader].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    public async Task<(ApiCaller? Caller, ApiFailure? Failure)> AdmitAsync(HttpContext context, string? presentedKey, string scope, int unauthorizedStatus = StatusCodes.Status401Unauthorized)
    {
        var cancellationToken = context.RequestAborted;
        if (string.IsNullOrWhiteSpace(presentedKey))
        {
            return (null, new ApiFailure(unauthorizedStatus, "missing_key", "APIキーを指定してください（Authorization: Bearer …）。"));
        }
        var key = await keys.AuthenticateAsync(presentedKey, cancellationToken);
        if (key is null)
        {
            var shown = presentedKey.Length > 12 ? presentedKey[..12] : presentedKey;
            await audit.RecordAsync(new AuditEntry("api.key.refused", "ApiKey", shown, $"{context.Request.Method} {context.Request.Path}"), cancellationToken);
            return (null, new ApiFailure(unauthorizedStatus, "invalid_key", "APIキーが正しくないか、無効にされています。"));
        }
        var caller = new ApiCaller(key);
        caller.AttachTo(context);
        if (!caller.Has(scope))
        {
            await audit.RecordAsync(new AuditEntry("api.scope.refused", "ApiKey", key.Id.ToString(), $"{context.Request.Method} {context.Request.Path} needs {scope}"), cancellationToken);
            return (null, new ApiFailure(StatusCodes.Status403Forbidden, "insufficient_scope", $"このAPIキーには「{scope}」の権限がありません。"));
        }
        if (limiter.TryAcquire(key) is { } wait)
        {
            return (null, new ApiFailure(StatusCodes.Status429TooManyRequests, "rate_limited", "短い時間に多くの呼び出しがありました。しばらく待ってからもう一度お試しください。", wait));
        }
        return (caller, null);
    }

    /// <summary>Every admitted call: which key, what, and the outcome (no query string: it may hold search words).</summary>
    public Task RecordCallAsync(HttpContext context, ApiCaller caller, int status, string? entity = null) =>
        audit.RecordAsync(new AuditEntry("api.call", "ApiKey", caller.Key.Id.ToString(),
            $"{context.Request.Method} {context.Request.Path} → {status}" + (entity is null ? "" : " " + entity)), CancellationToken.None);
}
