using System.Text;

namespace Kocho.Migration.Legacy;

/// <summary>
/// Width folding for codes, numbers and dates only: full-width digits, letters, hyphens, slashes and dots become ASCII.
/// Free text is never folded (NFKC would turn ① into 1 and ㈱ into (株)).
/// </summary>
public static class LegacyText
{
    public static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim().Trim('\u3000'))
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                '－' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
                '／' => '/',
                '．' => '.',
                '：' => ':',
                '\u3000' => ' ',
                '；' => ';',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>Free text as stored: line breaks as CRLF in the file become LF, surrounding blanks trimmed; empty is null.</summary>
    public static string? Text(string value)
    {
        var text = value.Replace("\r\n", "\n").Trim();
        return text.Length == 0 ? null : text;
    }
}
