namespace Kocho.Core.Protection;

/// <summary>
/// For <c>dotnet ef</c> and model checks only: lets a model with encrypted properties be built without keys,
/// and refuses every use, so that it can never stand in for the real protector at run time.
/// </summary>
public sealed class DesignTimePersonalDataProtector : IPersonalDataProtector
{
    public string? Protect(string? plaintext) => throw Refused();

    public string? Unprotect(string? protectedValue) => throw Refused();

    public string LookupHash(string purpose, string normalizedValue) => throw Refused();

    private static InvalidOperationException Refused() =>
        new("The design-time personal-data protector only builds models for migrations; it cannot protect data.");
}
