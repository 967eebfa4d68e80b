using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Http;

namespace Kocho.Api.Open311;

/// <summary>A request refused before its handler (rate limit, size, encoding) still gets GeoReport's error list, in the URL's format.</summary>
public sealed class Open311Refusal : IRefusalFormat
{
    public Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        var format = context.Request.RouteValues["format"] as string;
        return Open311Writer.Error(format ?? "json", status, message).ExecuteAsync(context);
    }
}
