using Microsoft.AspNetCore.Http;

namespace Kocho.Core.Web.Refusals;

/// <summary>Endpoint metadata for an API with its own error body (Open311's list of errors): how a refusal is written there.</summary>
public interface IRefusalFormat
{
    Task WriteAsync(HttpContext context, int status, string code, string message);
}
