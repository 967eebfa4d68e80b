using System.Diagnostics;
using Kocho.Core.Sites;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Web;

/// <summary>One structured log line per request: site, method, path, status and duration (no query strings: they may hold personal data).</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, SiteResolver sites)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {Site} {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                sites.Resolve(context), context.Request.Method, context.Request.Path.Value, status, elapsed);
        }
    }
}
