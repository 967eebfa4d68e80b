namespace Kocho.Api.Access;

/// <summary>Why a call was refused before it did anything: HTTP status, a stable code and a Japanese sentence.</summary>
public sealed record ApiFailure(int Status, string Code, string Message, int? RetryAfterSeconds = null);
