using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Web.Refusals;

/// <summary>
/// Answers a request refused before it did anything (too many requests, too large, unreadable) or failed (500, or 503 when the database was busy): a Japanese page for
/// pages, <c>{"code","message"}</c> JSON under <c>/api/</c>, or the endpoint's own <see cref="IRefusalFormat"/>.
/// </summary>
public static class RequestRefusal
{
    public const string TooManyRequests = "短い時間に多くの送信がありました。しばらく待ってからもう一度お試しください。";
    public const string TooLarge = "送信された内容が大きすぎます（{0}まで）。内容を短くするか、添付ファイルを減らしてもう一度お送りください。";
    public const string BadEncoding = "送信された文字を読み取れませんでした（UTF-8 ではありません）。入力内容を確認して、もう一度お送りください。";
    public const string NulCharacter = "送信された内容に使用できない文字（NUL）が含まれています。その文字を除いて、もう一度お送りください。";
    public const string Malformed = "送信された内容の形式が正しくないため、受け付けられませんでした。ページを開き直して、もう一度お送りください。";

    public static string TooLargeMessage(long maxBytes) => string.Format(CultureInfo.InvariantCulture, TooLarge, Size(maxBytes));

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, int? retryAfterSeconds = null)
    {
        var response = context.Response;
        if (response.HasStarted) return;
        response.Clear();
        response.StatusCode = status;
        if (retryAfterSeconds is { } wait) response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        if (status == StatusCodes.Status413PayloadTooLarge || status == StatusCodes.Status400BadRequest)
        {
            // The rest of the body is not read: the client is told not to send more on this connection.
            response.Headers.Connection = "close";
        }
        var format = context.GetEndpoint()?.Metadata.GetMetadata<IRefusalFormat>()
            ?? context.RequestServices?.GetService<IEnumerable<RefusalPathFormat>>()?.FirstOrDefault(f => context.Request.Path.StartsWithSegments(f.Prefix))?.Format;
        if (format is not null)
        {
            await format.WriteAsync(context, status, code, message);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, new { code, message }, cancellationToken: context.RequestAborted);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(status, message), context.RequestAborted);
    }

    /// <summary>A page on its own (no layout: the request never reached the pages), readable and accessible.</summary>
    private static string Page(int status, string message)
    {
        var title = status switch
        {
            StatusCodes.Status429TooManyRequests => "アクセスが集中しています",
            StatusCodes.Status413PayloadTooLarge => "送信内容が大きすぎます",
            StatusCodes.Status500InternalServerError => "エラーが発生しました",
            StatusCodes.Status503ServiceUnavailable => "ただいま混み合っています",
            _ => "送信内容を受け付けられませんでした",
        };
        return $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p data-testid="refusal-message">{WebUtility.HtmlEncode(message)}</p><p><a href="/">トップページへ戻る</a></p></main></body>
            </html>
            """;
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)}MB" : $"{Math.Max(1, bytes / 1024)}KB";
}
