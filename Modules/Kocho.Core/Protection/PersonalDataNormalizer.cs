using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kocho.Core.Protection;

/// <summary>
/// The one form of a value that look-up hashes are computed from, so that what a person types (full-width
/// digits, hyphens, 〒, capitals) finds the same record.
/// </summary>
public static class PersonalDataNormalizer
{
    public const string PostalCodeError = "郵便番号は7桁の数字で入力してください。";

    /// <summary>Email for look-ups: trimmed, the whole address lower-cased.</summary>
    public static string Email(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Phone or FAX for look-ups: NFKC, digits only (a leading 0 stays); empty when there is no digit.</summary>
    public static string Phone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var builder = new StringBuilder(phone.Length);
        foreach (var c in phone.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>郵便番号: NFKC, without 〒, hyphens and spaces (full-width included); exactly 7 digits.</summary>
    public static bool TryPostalCode(string? input, [NotNullWhen(true)] out string? postalCode)
    {
        postalCode = null;
        if (input is null) return false;
        var builder = new StringBuilder(7);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) builder.Append(c);
            else if (!IsPostalSeparator(c)) return false;
        }
        if (builder.Length != 7) return false;
        postalCode = builder.ToString();
        return true;
    }

    /// <summary>As <see cref="TryPostalCode"/>; throws <see cref="FormatException"/> with <see cref="PostalCodeError"/> otherwise.</summary>
    public static string PostalCode(string? input) =>
        TryPostalCode(input, out var postalCode) ? postalCode : throw new FormatException(PostalCodeError);

    // After NFKC, full-width hyphen and space are ASCII; the dashes a Japanese IME gives (‐ ‑ ‒ – — ― − ー) are not.
    private static bool IsPostalSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '〒' or '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or 'ー';
}
