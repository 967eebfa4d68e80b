namespace Kocho.Api.Open311;

/// <summary>One item of GeoReport's error list (<c>[{code, description}]</c>, in XML <c>&lt;errors&gt;&lt;error&gt;</c>); for the OpenAPI document.</summary>
/// <param name="Code">The HTTP status.</param>
/// <param name="Description">What was wrong, in English and Japanese.</param>
public sealed record Open311Error(int Code, string Description);
