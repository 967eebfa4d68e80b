using System.Text;

namespace Kocho.Migration.Legacy;

/// <summary>
/// RFC 4180 reading of the old system's exports: quoted fields may hold commas, doubled quotes and line breaks.
/// Each record keeps the line it starts on, so a reject names the row a person finds in the file.
/// </summary>
public static class LegacyCsv
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields, string? Error = null);

    /// <summary>Decodes the whole file; throws <see cref="LegacyFormatException"/> when the bytes are not in that encoding.</summary>
    public static string Decode(byte[] bytes, Encoding encoding, string fileName)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var start = encoding.CodePage == 65001 && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new LegacyFormatException($"{fileName} を {LegacyEncodings.Name(encoding)} として読めません。文字コード（--encoding）を確かめてください。");
        }
    }

    public static IEnumerable<Record> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false;
                    i++;
                    continue;
                }
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { field.Append("\r\n"); line++; i += 2; continue; }
                if (c is '\n' or '\r') line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    i++;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    i++;
                    break;
                case '\r' or '\n':
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new Record(recordLine, fields.ToArray());
                    }
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    i++;
                    break;
            }
        }
        if (quoted)
        {
            fields.Add(field.ToString());
            yield return new Record(recordLine, fields.ToArray(), "引用符（\"）が閉じられていません。");
        }
        else if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(recordLine, fields.ToArray());
        }
    }

    /// <summary>One CSV line (CRLF-terminated), quoting where needed.</summary>
    public static string Line(IEnumerable<string> values) =>
        string.Join(",", values.Select(v => v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v)) + "\r\n";
}
