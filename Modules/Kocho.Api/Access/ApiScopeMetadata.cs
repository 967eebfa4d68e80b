namespace Kocho.Api.Access;

/// <summary>Marks an endpoint with the scope its key needs; the OpenAPI document shows it beside the operation.</summary>
public sealed record ApiScopeMetadata(string Scope);
