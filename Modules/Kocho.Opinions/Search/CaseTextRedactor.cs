using System.Text;
using System.Text.RegularExpressions;

namespace Kocho.Opinions.Search;

/// <summary>
/// The search index is not encrypted (DESIGN.md): a case's subject and body go into it only with the sender's own
/// name, address, phone, FAX and email and any phone number, email address or postal code masked.
/// </summary>
public static partial class CaseTextRedactor
{
    public const string Mask = "＊＊＊";

    /// <summary>NFKC (so full-width digits are caught too), then the sender's values, then every number or address of those kinds.</summary>
    public static string Redact(string? text, IEnumerable<string?>? personalValues = null)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = text.Normalize(NormalizationForm.FormKC);
        foreach (var value in Variants(personalValues ?? []).OrderByDescending(v => v.Length))
        {
            result = result.Replace(value, Mask, StringComparison.OrdinalIgnoreCase);
        }
        result = EmailPattern().Replace(result, Mask);
        result = PostalCodePattern().Replace(result, Mask);
        result = PhonePattern().Replace(result, m => m.Value.Count(char.IsAsciiDigit) is 10 or 11 ? Mask : m.Value);
        return result;
    }

    // A name is also written without its space, or by the family name alone; an address also without the ward.
    private static IEnumerable<string> Variants(IEnumerable<string?> values)
    {
        foreach (var raw in values)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var value = raw.Normalize(NormalizationForm.FormKC).Trim();
            yield return value;
            var parts = value.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                yield return string.Concat(parts);
                foreach (var part in parts.Where(p => p.Length >= 2)) yield return part;
            }
            if (value.StartsWith("新宿区", StringComparison.Ordinal) && value.Length > 6) yield return value["新宿区".Length..];
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"〒?\s*(?<!\d)\d{3}[-‐ー−―]\d{4}(?!\d)")]
    private static partial Regex PostalCodePattern();

    // 03-1234-5678, 090(1234)5678, 0312345678: a 0 and digits with separators; masked when they make 10 or 11 digits.
    [GeneratedRegex(@"(?<!\d)0[\d\-‐ー−―()（） ]{8,16}\d(?!\d)")]
    private static partial Regex PhonePattern();
}
