using Kocho.Core.Data;
using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Web;

/// <summary>
/// An unexpected error ends in a Japanese page (or the API's JSON error), not a blank 500: the details go to the log
/// only, never to the response. The unit of work has rolled back by the time the exception gets here. A database that
/// was only busy or out of reach for a moment (<see cref="TransientDatabaseError"/>) is 503 with Retry-After instead: the
/// same action may be tried again (a public form then carries the same form token, so it is never stored twice).
/// </summary>
public sealed class ServerErrorMiddleware(RequestDelegate next, ILogger<ServerErrorMiddleware> logger)
{
    public const string Message = "システムでエラーが発生したため、処理を完了できませんでした。時間をおいてもう一度お試しください。続く場合はお問い合わせください。";

    public const string BusyMessage = "ただいま混み合っているため、処理を完了できませんでした。少し時間をおいてから、もう一度お試しください。";

    public const int BusyRetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            if (TransientDatabaseError.Is(ex) && !context.Response.HasStarted)
            {
                logger.LogWarning(ex, "Database busy or unreachable on {Method} {Path}: answered 503", context.Request.Method, context.Request.Path.Value);
                await RequestRefusal.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "busy", BusyMessage, BusyRetryAfterSeconds);
                return;
            }
            logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            if (context.Response.HasStarted) throw;
            await RequestRefusal.WriteAsync(context, StatusCodes.Status500InternalServerError, "server_error", Message);
        }
    }
}
