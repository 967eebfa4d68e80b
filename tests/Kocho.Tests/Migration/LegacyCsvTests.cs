using System.Text;
using Kocho.Migration.Legacy;
using Xunit;

namespace Kocho.Tests.Migration;

/// <summary>Reading the old exports: quoted commas, quotes and line breaks with the right line numbers; CP932 extension characters survive.</summary>
public sealed class LegacyCsvTests
{
    [Fact]
    public void Quoted_commas_quotes_and_line_breaks_stay_in_their_field_and_rows_keep_their_starting_line()
    {
        var text = "a,b,c\r\n1,\"x, y\",\"He said \"\"hi\"\"\"\r\n2,\"two\r\nlines\",z\r\n\r\n3,,\r\n";
        var records = LegacyCsv.Read(text).ToList();
        Assert.Equal([1, 2, 3, 6], records.Select(r => r.Line));
        Assert.Equal(["1", "x, y", "He said \"hi\""], records[1].Fields);
        Assert.Equal(["2", "two\r\nlines", "z"], records[2].Fields);
        Assert.Equal(["3", "", ""], records[3].Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_a_broken_row()
    {
        var records = LegacyCsv.Read("a,b\r\n1,\"open\r\n").ToList();
        Assert.Contains("引用符", records[1].Error);
    }

    [Fact]
    public void CP932_extension_characters_round_trip_and_a_UTF8_file_read_as_Shift_JIS_is_refused()
    {
        var text = "①,㈱,髙,﨑,―\r\n";
        var bytes = LegacyEncodings.ShiftJis.GetBytes(text);
        Assert.Equal(text, LegacyCsv.Decode(bytes, LegacyEncodings.ShiftJis, "X.csv"));
        Assert.Equal(text, LegacyCsv.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], LegacyEncodings.Parse("utf-8"), "X.csv"));
        var error = Assert.Throws<LegacyFormatException>(() => LegacyCsv.Decode(LegacyEncodings.ShiftJis.GetBytes("髙﨑"), LegacyEncodings.Parse("utf-8"), "IKEN.csv"));
        Assert.Contains("IKEN.csv を utf-8 として読めません", error.Message);
    }
}
