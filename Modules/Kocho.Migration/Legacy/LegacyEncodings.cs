using System.Text;

namespace Kocho.Migration.Legacy;

/// <summary>The two encodings the old system's exports come in: CP932 (Windows Shift_JIS, with NEC/IBM extensions such as ①, ㈱, 髙, 﨑) and UTF-8.</summary>
public static class LegacyEncodings
{
    static LegacyEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    public static Encoding Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "shift_jis" or "shift-jis" or "sjis" or "cp932" or "windows-31j" => ShiftJis,
        "utf-8" or "utf8" => new UTF8Encoding(false),
        _ => throw new LegacyFormatException($"文字コード「{name}」は使えません。shift_jis か utf-8 を指定してください。"),
    };

    public static string Name(Encoding encoding) => encoding.CodePage == 932 ? "shift_jis" : "utf-8";
}
