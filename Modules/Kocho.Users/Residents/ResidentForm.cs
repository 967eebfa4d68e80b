namespace Kocho.Users.Residents;

/// <summary>The contact fields of the registration and profile forms, as posted.</summary>
public sealed class ResidentForm
{
    public string? Name { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }

    public static ResidentForm Of(ResidentProfile profile) => new()
    {
        Name = profile.Name,
        PostalCode = $"{profile.PostalCode[..3]}-{profile.PostalCode[3..]}",
        Address = profile.Address,
        Phone = profile.Phone,
        Fax = profile.Fax,
    };

    public (ResidentDetails? Details, Dictionary<string, string> Errors) Check() =>
        ResidentDetails.From(Name, PostalCode, Address, Phone, Fax);
}
