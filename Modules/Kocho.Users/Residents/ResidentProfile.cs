namespace Kocho.Users.Residents;

/// <summary>
/// 区民等: exactly the items the privacy filing names (ID = email, 氏名, 郵便番号, 住所, 電話番号, FAX番号),
/// all stored encrypted; the email and phone are found through keyed hashes.
/// </summary>
public sealed class ResidentProfile
{
    public required string UserId { get; set; }
    public required string Email { get; set; }
    public required string EmailHash { get; set; }
    public string? PendingEmail { get; set; }
    public string? PendingEmailHash { get; set; }
    public required string Name { get; set; }
    public required string PostalCode { get; set; }
    public required string Address { get; set; }
    public required string Phone { get; set; }
    public required string PhoneHash { get; set; }
    public string? Fax { get; set; }
    public DateTime ConsentedAt { get; set; }
    public string ConsentVersion { get; set; } = ResidentPurpose.Version;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
