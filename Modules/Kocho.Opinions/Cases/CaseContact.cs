namespace Kocho.Opinions.Cases;

/// <summary>The sender's contact details of a case, decrypted for one audited view (from the resident profile for residents).</summary>
public sealed record CaseContact(string? Name, string? PostalCode, string? Address, string? Phone, string? Fax, string? Email)
{
    public string? PostalCodeDisplay => PostalCode is { Length: 7 } p ? $"〒{p[..3]}-{p[3..]}" : PostalCode;
}
