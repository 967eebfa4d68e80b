using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Http;

namespace Kocho.Api.Open311;

/// <summary>A request refused before its handler (rate limit, size, encoding, NUL) still gets GeoReport's error list, in the URL's format.</summary>
public sealed class Open311Refusal : IRefusalFormat
{
    public Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        // Before routing (a NUL in the address) there is no route value yet: the suffix of the path tells the format.
        var format = context.Request.RouteValues["format"] as string
            ?? (context.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json");
        return Open311Writer.Error(format, status, message).ExecuteAsync(context);
    }
}
