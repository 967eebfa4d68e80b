using Kocho.Api.Access;
using Microsoft.AspNetCore.Http;

namespace Kocho.Api.Staff;

/// <summary>
/// The staff API's error body: a stable <c>code</c>, a Japanese <c>message</c> and, for input errors, one message per
/// field (camelCase, as in the request).
/// </summary>
public sealed record ApiError(string Code, string Message, IReadOnlyDictionary<string, string>? Errors = null)
{
    public IResult ToResult(int status) => Results.Json(this, ApiJson.Options, "application/json; charset=utf-8", status);

    public static IResult From(HttpContext context, ApiFailure failure)
    {
        if (failure.RetryAfterSeconds is { } wait) context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (failure.Status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        return new ApiError(failure.Code, failure.Message).ToResult(failure.Status);
    }

    public static IResult NotFound() => new ApiError("not_found", "意見等が見つかりません。").ToResult(StatusCodes.Status404NotFound);

    public static IResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new ApiError("invalid_input", "入力内容を確認してください。", errors.ToDictionary(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value))
            .ToResult(StatusCodes.Status400BadRequest);

    public static IResult Bad(string message) => new ApiError("invalid_input", message).ToResult(StatusCodes.Status400BadRequest);
}
