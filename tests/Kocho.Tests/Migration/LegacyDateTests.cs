using Kocho.Migration.Legacy;
using Xunit;

namespace Kocho.Tests.Migration;

/// <summary>The old system's 西暦 and 和暦 dates, full-width forms included, and the dates that cannot exist.</summary>
public sealed class LegacyDateTests
{
    [Theory]
    [InlineData("2013/06/01", 2013, 6, 1)]
    [InlineData("2013-06-01", 2013, 6, 1)]
    [InlineData("2013/6/1", 2013, 6, 1)]
    [InlineData("2013年6月1日", 2013, 6, 1)]
    [InlineData("H25.6.1", 2013, 6, 1)]
    [InlineData("h25.6.1", 2013, 6, 1)]
    [InlineData("平成25年6月1日", 2013, 6, 1)]
    [InlineData("R1.5.1", 2019, 5, 1)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("令和7年12月31日", 2025, 12, 31)]
    [InlineData("S64.1.7", 1989, 1, 7)]
    [InlineData("昭和63年3月31日", 1988, 3, 31)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("２０１３－０６－０１", 2013, 6, 1)]
    [InlineData("２０１３／０６／０１", 2013, 6, 1)]
    [InlineData("Ｈ２５．６．１", 2013, 6, 1)]
    [InlineData("平成２５年６月１日", 2013, 6, 1)]
    [InlineData(" 2013/06/01　", 2013, 6, 1)]
    [InlineData("2012/02/29", 2012, 2, 29)]
    public void Every_form_of_the_old_system_reads_as_the_same_day(string text, int year, int month, int day)
    {
        Assert.True(LegacyDate.TryParse(text, out var date, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2013/02/30", "存在しない日付")]
    [InlineData("2013/13/01", "存在しない日付")]
    [InlineData("2013/02/29", "存在しない日付")]
    [InlineData("H25.2.30", "存在しない日付")]
    [InlineData("平成31年5月1日", "平成の期間")]
    [InlineData("R1.4.30", "令和の期間")]
    [InlineData("S64.1.8", "昭和の期間")]
    [InlineData("H0.1.1", "年が正しくありません")]
    [InlineData("2013.06", "形式が読めません")]
    [InlineData("X25.6.1", "形式が読めません")]
    [InlineData("", "日付がありません")]
    public void Impossible_dates_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(LegacyDate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("2013/06/01 09:30", 9, 30, 0)]
    [InlineData("H25.6.1 9:30:15", 9, 30, 15)]
    [InlineData("平成25年6月1日　9時30分", 9, 30, 0)]
    [InlineData("2013/06/01", 0, 0, 0)]
    public void Processing_times_carry_their_time_of_day(string text, int hour, int minute, int second)
    {
        Assert.True(LegacyDate.TryParseDateTime(text, out var at, out var error), error);
        Assert.Equal(new DateTime(2013, 6, 1, hour, minute, second), at);
    }

    [Fact]
    public void A_time_that_cannot_be_is_refused()
    {
        Assert.False(LegacyDate.TryParseDateTime("2013/06/01 25:00", out _, out var error));
        Assert.Contains("時刻", error);
    }
}
