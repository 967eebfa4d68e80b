namespace Kocho.Privacy.Disclosure;

/// <summary>
/// 開示: everything Kocho holds about one person — the account's registered details and every case they sent, with
/// what they wrote, the contact details recorded with it, attachments' names and the answers sent to them.
/// </summary>
public sealed record DisclosureRecord(DateTime GeneratedAt, DisclosureAccount? Account, IReadOnlyList<DisclosureCase> Cases);

public sealed record DisclosureAccount(string Name, string Email, string PostalCode, string Address, string Phone, string? Fax);

public sealed record DisclosureCase(
    string ReceiptNumber,
    DateOnly ReceivedOn,
    string Kind,
    string Channel,
    string Status,
    string Subject,
    string Body,
    string? ContactName,
    string? ContactPostalCode,
    string? ContactAddress,
    string? ContactPhone,
    string? ContactFax,
    string? ContactEmail,
    IReadOnlyList<string> Attachments,
    IReadOnlyList<DisclosureAnswer> Answers);

public sealed record DisclosureAnswer(DateTime SentAt, string Method, string Text);
