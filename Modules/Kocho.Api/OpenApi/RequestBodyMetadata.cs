namespace Kocho.Api.OpenApi;

/// <summary>
/// Describes a body the handler reads itself (to answer bad input with the API's own errors), for the OpenAPI document
/// only: unlike <c>Accepts</c>, it puts no content-type constraint on routing.
/// </summary>
public sealed record RequestBodyMetadata(string ContentType, Type? Type = null, IReadOnlyList<(string Name, string Description, bool Required)>? FormFields = null);
