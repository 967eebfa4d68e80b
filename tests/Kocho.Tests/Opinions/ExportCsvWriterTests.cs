using System.Text;
using Kocho.Core.Csv;
using Kocho.Opinions.Export;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>The CSV that staff open in Excel: BOM for UTF-8, CP932 on request with what it cannot hold made visible and counted.</summary>
public sealed class ExportCsvWriterTests
{
    private static readonly string[][] Rows =
    [
        ["受付番号", "件名", "内容"],
        ["2026-000001", "髙橋さんの件, \"至急\"", "1行目\r\n2行目"],
        ["2026-000002", "=SUM(A1:A9)", "𠮷野家の前の歩道 ①"],
    ];

    [Fact]
    public async Task Utf8_starts_with_a_bom_and_quotes_commas_quotes_newlines_and_formulas()
    {
        var bytes = await WriteAsync(CsvTableWriter.Utf8);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("受付番号,件名,内容\r\n2026-000001,\"髙橋さんの件, \"\"至急\"\"\",\"1行目\r\n2行目\"\r\n2026-000002,'=SUM(A1:A9),𠮷野家の前の歩道 ①\r\n", text);
    }

    [Fact]
    public async Task Shift_jis_replaces_what_cp932_cannot_hold_with_a_visible_mark_and_counts_it()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CsvTableWriter? writer = null;
        var bytes = await WriteAsync(s => writer = CsvTableWriter.ShiftJis(s));

        var text = Encoding.GetEncoding(932).GetString(bytes);
        // 髙 and ① are in CP932 (NEC/IBM extensions); 𠮷 (a surrogate pair) is not: one character, one mark.
        Assert.Contains("髙橋さんの件", text);
        Assert.Contains("〓野家の前の歩道 ①", text);
        Assert.Equal(1, writer!.ReplacedCharacters);
        Assert.Equal(3, writer.Rows);
    }

    private static async Task<byte[]> WriteAsync(Func<Stream, CsvTableWriter> create)
    {
        var stream = new MemoryStream();
        await using (var writer = create(stream))
        {
            foreach (var row in Rows) await writer.WriteRowAsync(row, CancellationToken.None);
        }
        return stream.ToArray();
    }
}
