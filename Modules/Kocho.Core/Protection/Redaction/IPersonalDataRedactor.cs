namespace Kocho.Core.Protection.Redaction;

/// <summary>
/// 特記事項 (personal data in free text): finds and masks names, phone/FAX numbers, email addresses, postal codes and
/// street addresses, so that text can leave the encrypted store (FAQ drafts, exports, a purge) without them.
/// In Core because Opinions, FAQ and Privacy all use it.
/// </summary>
public interface IPersonalDataRedactor
{
    /// <summary>
    /// Masks every match in <paramref name="text"/>; <paramref name="known"/> are the values of the person's own record
    /// (name, address, phone …), masked wherever they occur, also without spaces or by the family name alone.
    /// </summary>
    RedactionResult Redact(string? text, IEnumerable<string?>? known = null);
}
