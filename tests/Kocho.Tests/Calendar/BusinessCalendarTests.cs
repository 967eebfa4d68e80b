using Kocho.Core.Calendar;
using Xunit;

namespace Kocho.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly DateOnly ChristmasDay2026 = new(2026, 12, 25);

    private readonly BusinessCalendar calendar = new(new JapaneseHolidayRules(), []);

    [Fact]
    public void The_office_is_closed_on_saturday_and_sunday_and_opens_on_monday()
    {
        Assert.Equal("土曜日", calendar.ClosedReason(new DateOnly(2026, 6, 6)));
        Assert.Equal("日曜日", calendar.ClosedReason(new DateOnly(2026, 6, 7)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 6, 7)));

        Assert.Null(calendar.ClosedReason(new DateOnly(2026, 6, 8)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 6, 8)));
    }

    [Fact]
    public void A_weekday_holiday_is_closed_under_its_own_name()
    {
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 3)));
        Assert.Equal("文化の日", calendar.ClosedReason(new DateOnly(2026, 11, 3)));
        Assert.Equal("国民の休日", calendar.ClosedReason(new DateOnly(2026, 9, 22)));
        Assert.Equal("振替休日", calendar.ClosedReason(new DateOnly(2026, 5, 6)));
    }

    [Fact]
    public void The_office_closes_from_december_29_to_january_3()
    {
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 28)));
        Assert.Equal("年末年始休業", calendar.ClosedReason(new DateOnly(2026, 12, 29)));
        Assert.Equal("年末年始休業", calendar.ClosedReason(new DateOnly(2026, 12, 31)));
        Assert.Equal("元日", calendar.ClosedReason(new DateOnly(2027, 1, 1)));
        Assert.Equal("年末年始休業", calendar.ClosedReason(new DateOnly(2027, 1, 2)));
        Assert.Equal("年末年始休業", calendar.ClosedReason(new DateOnly(2027, 1, 3)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void An_admin_closes_the_office_for_a_typhoon()
    {
        var typhoonDay = new DateOnly(2026, 7, 15);
        Assert.True(calendar.IsBusinessDay(typhoonDay));

        var withClosure = WithExceptions(new CalendarException(typhoonDay, CalendarExceptionKind.Closed, "台風による臨時閉庁"));

        Assert.False(withClosure.IsBusinessDay(typhoonDay));
        Assert.Equal("台風による臨時閉庁", withClosure.ClosedReason(typhoonDay));
        Assert.Equal(new DateOnly(2026, 7, 16), withClosure.AddBusinessDays(new DateOnly(2026, 7, 14), 1));
    }

    [Fact]
    public void An_admin_enters_a_holiday_created_by_a_later_law()
    {
        var newHoliday = new DateOnly(2035, 10, 22);
        Assert.True(calendar.IsBusinessDay(newHoliday));

        var withHoliday = WithExceptions(new CalendarException(newHoliday, CalendarExceptionKind.Holiday, "即位礼正殿の儀"));

        Assert.False(withHoliday.IsBusinessDay(newHoliday));
        Assert.Equal("即位礼正殿の儀", withHoliday.ClosedReason(newHoliday));
    }

    [Fact]
    public void An_admin_opens_the_office_on_a_sunday_before_an_election_and_it_counts_toward_deadlines()
    {
        var friday = new DateOnly(2026, 6, 26);
        var sunday = new DateOnly(2026, 6, 28);
        Assert.Equal(new DateOnly(2026, 6, 29), calendar.AddBusinessDays(friday, 1));

        var withOpening = WithExceptions(new CalendarException(sunday, CalendarExceptionKind.Open, "期日前投票のための日曜開庁"));

        Assert.True(withOpening.IsBusinessDay(sunday));
        Assert.Null(withOpening.ClosedReason(sunday));
        Assert.Equal(sunday, withOpening.AddBusinessDays(friday, 1));
    }

    [Fact]
    public void An_opening_wins_over_the_year_end_closure_and_a_national_holiday()
    {
        var yearEnd = new DateOnly(2026, 12, 29);
        var cultureDay = new DateOnly(2026, 11, 3);

        var withOpenings = WithExceptions(
            new CalendarException(yearEnd, CalendarExceptionKind.Open, "年末特別開庁"),
            new CalendarException(cultureDay, CalendarExceptionKind.Open, "祝日開庁"));

        Assert.True(withOpenings.IsBusinessDay(yearEnd));
        Assert.True(withOpenings.IsBusinessDay(cultureDay));
        Assert.False(withOpenings.IsBusinessDay(yearEnd.AddDays(1)));
    }

    [Fact]
    public void An_answer_due_14_business_days_after_christmas_2026_falls_on_2027_01_21()
    {
        // Open: 12/28; closed 12/29–1/3; open 1/4–1/8 (5 days); 1/11 is 成人の日; open 1/12–1/15 (4) and 1/18–1/21 (4).
        Assert.Equal(new DateOnly(2026, 12, 28), calendar.AddBusinessDays(ChristmasDay2026, 1));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddBusinessDays(ChristmasDay2026, 2));
        Assert.Equal(new DateOnly(2027, 1, 12), calendar.AddBusinessDays(ChristmasDay2026, 7));
        Assert.Equal(new DateOnly(2027, 1, 21), calendar.AddBusinessDays(ChristmasDay2026, 14));
    }

    [Fact]
    public void A_deadline_counted_through_golden_week_2026_skips_the_whole_week()
    {
        // 4/29 昭和の日; 4/30 and 5/1 open; 5/2–5/6 weekend, みどりの日, こどもの日 and the substitute for 憲法記念日.
        var tuesdayBefore = new DateOnly(2026, 4, 28);

        Assert.Equal(new DateOnly(2026, 4, 30), calendar.AddBusinessDays(tuesdayBefore, 1));
        Assert.Equal(new DateOnly(2026, 5, 1), calendar.AddBusinessDays(tuesdayBefore, 2));
        Assert.Equal(new DateOnly(2026, 5, 7), calendar.AddBusinessDays(tuesdayBefore, 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Adding_no_or_negative_business_days_is_refused(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(ChristmasDay2026, count));
    }

    [Fact]
    public void Counting_business_days_between_two_dates_includes_the_end_but_not_the_start_and_mirrors_backwards()
    {
        var dueDate = new DateOnly(2027, 1, 21);
        var friday = new DateOnly(2026, 6, 5);
        var sunday = new DateOnly(2026, 6, 7);
        var monday = new DateOnly(2026, 6, 8);

        Assert.Equal(14, calendar.BusinessDaysBetween(ChristmasDay2026, dueDate));
        Assert.Equal(-14, calendar.BusinessDaysBetween(dueDate, ChristmasDay2026));
        Assert.Equal(0, calendar.BusinessDaysBetween(monday, monday));
        Assert.Equal(0, calendar.BusinessDaysBetween(friday, sunday));
        Assert.Equal(1, calendar.BusinessDaysBetween(friday, monday));
        Assert.Equal(-1, calendar.BusinessDaysBetween(monday, friday));
        Assert.Equal(1, calendar.BusinessDaysBetween(sunday, monday));
    }

    [Fact]
    public void A_calendar_page_for_may_2026_shows_18_open_days_and_why_the_others_are_closed()
    {
        var may = calendar.Month(2026, 5);

        Assert.Equal(31, may.Count);
        Assert.Equal(new DateOnly(2026, 5, 1), may[0].Date);
        Assert.Equal(new DateOnly(2026, 5, 31), may[^1].Date);
        Assert.Equal(18, may.Count(d => d.IsBusinessDay));
        Assert.Equal((new DateOnly(2026, 5, 1), true, (string?)null), may[0]);
        Assert.Equal((new DateOnly(2026, 5, 2), false, "土曜日"), may[1]);
        Assert.Equal((new DateOnly(2026, 5, 3), false, "憲法記念日"), may[2]);
        Assert.Equal((new DateOnly(2026, 5, 6), false, "振替休日"), may[5]);
        Assert.Equal((new DateOnly(2026, 5, 10), false, "日曜日"), may[9]);
    }

    [Fact]
    public void Two_exceptions_on_one_date_or_one_without_a_name_are_refused()
    {
        var date = new DateOnly(2026, 7, 15);

        Assert.Throws<ArgumentException>(() => WithExceptions(
            new CalendarException(date, CalendarExceptionKind.Closed, "台風による臨時閉庁"),
            new CalendarException(date, CalendarExceptionKind.Open, "開庁")));
        Assert.Throws<ArgumentException>(() => WithExceptions(
            new CalendarException(date, CalendarExceptionKind.Closed, " ")));
        Assert.Throws<ArgumentException>(() => WithExceptions(
            new CalendarException(date, default, "台風による臨時閉庁")));
    }

    private static BusinessCalendar WithExceptions(params CalendarException[] exceptions) =>
        new(new JapaneseHolidayRules(), exceptions);
}
