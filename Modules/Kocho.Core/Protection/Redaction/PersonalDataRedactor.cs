using System.Text;
using System.Text.RegularExpressions;

namespace Kocho.Core.Protection.Redaction;

/// <summary>
/// Pattern and known-value redaction. Matching runs on a copy where full-width ASCII and the hyphen family are folded
/// one character for one, so positions map back and the rest of the text keeps its own characters.
/// </summary>
public sealed partial class PersonalDataRedactor : IPersonalDataRedactor
{
    public static string MaskOf(RedactedKind kind) => kind switch
    {
        RedactedKind.Name => "〔氏名〕",
        RedactedKind.Phone => "〔電話番号〕",
        RedactedKind.Fax => "〔FAX番号〕",
        RedactedKind.Email => "〔メールアドレス〕",
        RedactedKind.PostalCode => "〔郵便番号〕",
        _ => "〔住所〕",
    };

    public RedactionResult Redact(string? text, IEnumerable<string?>? known = null)
    {
        if (string.IsNullOrEmpty(text)) return new RedactionResult("", []);
        var folded = Fold(text);
        var found = new List<(int Start, int Length, RedactedKind Kind)>();
        foreach (var (value, kind) in KnownVariants(known ?? []))
        {
            for (var at = folded.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = folded.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((at, value.Length, kind));
            }
        }
        foreach (Match m in EmailPattern().Matches(folded)) found.Add((m.Index, m.Length, RedactedKind.Email));
        foreach (Match m in PhonePattern().Matches(folded))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is 10 or 11) found.Add((m.Index, m.Length, IsFax(folded, m.Index) ? RedactedKind.Fax : RedactedKind.Phone));
        }
        foreach (Match m in PostalCodePattern().Matches(folded)) found.Add((m.Index, m.Length, RedactedKind.PostalCode));
        foreach (Match m in AddressPattern().Matches(folded))
        {
            if (AddressMarker().IsMatch(m.Value)) found.Add((m.Index, m.Length, RedactedKind.Address));
        }

        var output = new StringBuilder(text.Length);
        var items = new List<RedactedItem>();
        var position = 0;
        foreach (var (start, length, kind) in found.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (start < position) continue; // inside a longer match already masked
            output.Append(text, position, start - position);
            var mask = MaskOf(kind);
            items.Add(new RedactedItem(kind, text.Substring(start, length), output.Length, mask.Length));
            output.Append(mask);
            position = start + length;
        }
        output.Append(text, position, text.Length - position);
        return new RedactionResult(output.ToString(), items);
    }

    /// <summary>Full-width ASCII to ASCII, the ideographic space to a space, dashes to '-': one char for one.</summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E') chars[i] = (char)(c - 0xFEE0);
            else if (c == '\u3000') chars[i] = ' ';
            else if (c is '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or 'ｰ') chars[i] = '-';
            else if (c == 'ー' && i > 0 && char.IsAsciiDigit(Prev(chars, i)) && i + 1 < chars.Length && IsDigitLike(chars[i + 1])) chars[i] = '-';
        }
        return new string(chars);
    }

    private static char Prev(char[] chars, int i) => chars[i - 1];

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || c is >= '\uFF10' and <= '\uFF19';

    private static bool IsFax(string text, int index)
    {
        var before = text[Math.Max(0, index - 8)..index];
        return before.Contains("FAX", StringComparison.OrdinalIgnoreCase) || before.Contains("ファクス", StringComparison.Ordinal) || before.Contains("ファックス", StringComparison.Ordinal);
    }

    /// <summary>A person's own values: whole, without spaces, each part of a name of two or more characters, the address without the ward.</summary>
    private static IEnumerable<(string Value, RedactedKind Kind)> KnownVariants(IEnumerable<string?> values)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in values)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var value = Fold(raw).Trim();
            var kind = KindOf(value);
            var variants = new List<string> { value };
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                variants.Add(string.Concat(parts));
                if (kind == RedactedKind.Name) variants.AddRange(parts.Where(p => p.Length >= 2));
            }
            if (kind == RedactedKind.Address && value.StartsWith("新宿区", StringComparison.Ordinal) && value.Length > 6) variants.Add(value["新宿区".Length..]);
            // Short values (one kanji, two digits) would mask ordinary words.
            foreach (var variant in variants.Where(v => v.Length >= 2 && seen.Add(v)).OrderByDescending(v => v.Length))
            {
                yield return (variant, kind);
            }
        }
    }

    private static RedactedKind KindOf(string value)
    {
        if (value.Contains('@')) return RedactedKind.Email;
        var digits = value.Count(char.IsAsciiDigit);
        if (digits == 7 && value.Length <= 9) return RedactedKind.PostalCode;
        if (digits >= 10 && value.All(c => char.IsAsciiDigit(c) || c is '-' or '(' or ')' or ' ')) return RedactedKind.Phone;
        if (digits > 0 || AddressMarker().IsMatch(value)) return RedactedKind.Address;
        return RedactedKind.Name;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // 〒160-8484, 〒1608484, 160-8484 (a bare 7-digit run is not taken: it may be any number).
    [GeneratedRegex(@"〒\s*\d{3}-?\d{4}(?![-\d])|(?<![-\d])\d{3}-\d{4}(?![-\d])")]
    private static partial Regex PostalCodePattern();

    // 03-3209-1111, 03(3209)1111, 090 1234 5678, 0332091111: a 0 and digits with separators; kept when 10 or 11 digits.
    [GeneratedRegex(@"(?<![\d-])0\d{0,4}(?:[-() （）]{0,2}\d{1,4}){1,3}(?![\d])")]
    private static partial Regex PhonePattern();

    // 新宿区歌舞伎町1-4-1, 東京都新宿区西新宿二丁目8番1号, 歌舞伎町九丁目98番97号: a place name, then a block number.
    [GeneratedRegex(@"(?:東京都)?(?:\p{IsCJKUnifiedIdeographs}{1,5}?[区市郡])?\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}]{0,8}?(?:[一二三四五六七八九十]+丁目|\d+丁目|\d+)(?:-\d+|\d+番地?|\d+号|番地)+")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"[区市町村郡]|丁目|\d番")]
    private static partial Regex AddressMarker();
}
