namespace Kocho.Core.Protection;

/// <summary>Purposes of <see cref="IPersonalDataProtector.LookupHash"/>: the same value hashes differently per purpose.</summary>
public static class LookupPurpose
{
    public const string Email = "email";
    public const string Phone = "phone";
}
