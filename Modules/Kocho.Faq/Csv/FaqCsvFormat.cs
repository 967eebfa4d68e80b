using System.Text;

namespace Kocho.Faq.Csv;

/// <summary>RFC 4180 CSV as Excel writes and reads it: CRLF, fields quoted when they hold a comma, quote or line break.</summary>
public static class FaqCsvFormat
{
    public static readonly string[] Header = ["id", "大分類", "中分類", "質問", "回答", "担当課コード", "キーワード", "公開区分"];

    /// <summary>UTF-8 with BOM (Excel opens it as UTF-8), or Shift_JIS (CP932) on request.</summary>
    public static Encoding EncodingFor(string? name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (name ?? "utf-8").Trim().ToLowerInvariant() switch
        {
            "utf-8" or "utf8" or "" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "shift_jis" or "shift-jis" or "sjis" or "cp932" => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            _ => throw new ArgumentException($"文字コード「{name}」には対応していません。utf-8 か shift_jis を指定してください。"),
        };
    }

    /// <summary>
    /// Characters Unicode and Windows' Shift_JIS (CP932) disagree on (〜 U+301C is ～ U+FF5E in CP932, and so on): mapped to the
    /// CP932 forms that look the same, so a Shift_JIS export does not fail on them and its re-import counts as unchanged.
    /// </summary>
    public static string ToCp932Forms(string? text) =>
        (text ?? "").Replace('\u301C', '\uFF5E').Replace('\u2212', '\uFF0D').Replace('\u2016', '\u2225').Replace('\u2014', '\u2015')
            .Replace('\u00A2', '\uFFE0').Replace('\u00A3', '\uFFE1').Replace('\u00AC', '\uFFE2');

    public static void WriteRecord(StringBuilder output, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) output.Append(',');
            first = false;
            var value = field ?? "";
            if (value.IndexOfAny([',', '"', '\r', '\n']) >= 0) output.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
            else output.Append(value);
        }
        output.Append("\r\n");
    }

    /// <summary>The records of <paramref name="text"/>, each with the line it starts on (1 = the header).</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Parse(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted) throw new FormatException($"{start}行目: 引用符（\"）が閉じられていません。");
        EndRecord();
        return records;

        void EndRecord()
        {
            if (!any && field.Length == 0 && fields.Count == 0) return;
            fields.Add(field.ToString());
            records.Add((start, fields.ToList()));
            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
