using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Web;

/// <summary>
/// An unexpected error ends in a Japanese page (or the API's JSON error), not a blank 500: the details go to the log
/// only, never to the response. The unit of work has rolled back by the time the exception gets here.
/// </summary>
public sealed class ServerErrorMiddleware(RequestDelegate next, ILogger<ServerErrorMiddleware> logger)
{
    public const string Message = "システムでエラーが発生したため、処理を完了できませんでした。時間をおいてもう一度お試しください。続く場合はお問い合わせください。";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            if (context.Response.HasStarted) throw;
            await RequestRefusal.WriteAsync(context, StatusCodes.Status500InternalServerError, "server_error", Message);
        }
    }
}
