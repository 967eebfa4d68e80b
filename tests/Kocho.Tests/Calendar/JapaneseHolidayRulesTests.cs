using System.Globalization;
using Kocho.Core.Calendar;
using Xunit;

namespace Kocho.Tests.Calendar;

public sealed class JapaneseHolidayRulesTests
{
    private static readonly string CabinetOfficeCsv =
        Path.Combine(AppContext.BaseDirectory, "Data", "jp-holidays-1955-2027.csv");

    private readonly JapaneseHolidayRules rules = new();

    public static TheoryData<int> PublishedYears()
    {
        var years = new TheoryData<int>();
        for (var year = 1955; year <= 2027; year++)
        {
            years.Add(year);
        }

        return years;
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Every_published_year_matches_the_cabinet_office_list(int year)
    {
        var published = File.ReadLines(CabinetOfficeCsv)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Date: DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Name: cells[1]))
            .Where(h => h.Date.Year == year)
            .ToList();

        var computed = rules.HolidaysOf(year)
            .Select(h => (h.Date, Name: AsTheCabinetOfficeNamesIt(h)))
            .ToList();

        Assert.NotEmpty(published);
        Assert.Equal(published, computed);
    }

    [Fact]
    public void The_law_starts_on_1948_07_20_so_that_year_has_only_its_autumn_holidays()
    {
        Assert.Empty(rules.HolidaysOf(1947));
        Assert.Equal(
            [Day(1948, 9, 23, "秋分の日"), Day(1948, 11, 3, "文化の日"), Day(1948, 11, 23, "勤労感謝の日")],
            rules.HolidaysOf(1948));
    }

    [Fact]
    public void A_sunday_holiday_gets_a_substitute_only_from_1973_04_12()
    {
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(1973, 2, 11).DayOfWeek);
        Assert.Null(rules.HolidayOn(new DateOnly(1973, 2, 12)));

        Assert.Equal(DayOfWeek.Sunday, new DateOnly(1973, 4, 29).DayOfWeek);
        Assert.Equal(Day(1973, 4, 30, "振替休日"), rules.HolidayOn(new DateOnly(1973, 4, 30)));
    }

    [Fact]
    public void From_2007_a_substitute_skips_over_the_holidays_that_follow_the_sunday()
    {
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2008, 5, 4).DayOfWeek);

        var goldenWeek = rules.HolidaysOf(2008).Where(h => h.Date.Month == 5);

        Assert.Equal(
            [Day(2008, 5, 3, "憲法記念日"), Day(2008, 5, 4, "みどりの日"), Day(2008, 5, 5, "こどもの日"), Day(2008, 5, 6, "振替休日")],
            goldenWeek);
    }

    [Fact]
    public void May_4th_between_two_holidays_becomes_a_citizens_holiday_from_1988_unless_it_is_sunday_or_a_substitute()
    {
        Assert.Null(rules.HolidayOn(new DateOnly(1985, 5, 4)));
        Assert.Null(rules.HolidayOn(new DateOnly(1986, 5, 4)));
        Assert.Equal(Day(1987, 5, 4, "振替休日"), rules.HolidayOn(new DateOnly(1987, 5, 4)));
        Assert.Equal(Day(1988, 5, 4, "国民の休日"), rules.HolidayOn(new DateOnly(1988, 5, 4)));
        Assert.Equal(Day(2007, 5, 4, "みどりの日"), rules.HolidayOn(new DateOnly(2007, 5, 4)));
    }

    [Theory]
    [InlineData(2009, 22)]
    [InlineData(2015, 22)]
    [InlineData(2026, 22)]
    [InlineData(2032, 21)]
    public void A_september_day_between_respect_for_the_aged_day_and_the_equinox_is_a_citizens_holiday(int year, int day)
    {
        var date = new DateOnly(year, 9, day);

        Assert.Equal("敬老の日", rules.HolidayOn(date.AddDays(-1))?.Name);
        Assert.Equal(Day(year, 9, day, "国民の休日"), rules.HolidayOn(date));
        Assert.Equal("秋分の日", rules.HolidayOn(date.AddDays(1))?.Name);
    }

    [Fact]
    public void The_2019_enthronement_has_its_own_days_and_no_emperors_birthday()
    {
        var holidays = rules.HolidaysOf(2019);

        Assert.Contains(Day(2019, 4, 30, "国民の休日"), holidays);
        Assert.Contains(Day(2019, 5, 1, "天皇の即位の日"), holidays);
        Assert.Contains(Day(2019, 5, 2, "国民の休日"), holidays);
        Assert.Contains(Day(2019, 5, 6, "振替休日"), holidays);
        Assert.Contains(Day(2019, 10, 14, "体育の日"), holidays);
        Assert.Contains(Day(2019, 10, 22, "即位礼正殿の儀"), holidays);
        Assert.DoesNotContain(holidays, h => h.Name == "天皇誕生日");
        Assert.Equal(Day(2018, 12, 23, "天皇誕生日"), rules.HolidayOn(new DateOnly(2018, 12, 23)));
        Assert.Equal(Day(2020, 2, 23, "天皇誕生日"), rules.HolidayOn(new DateOnly(2020, 2, 23)));
    }

    [Fact]
    public void The_one_off_days_of_the_showa_and_heisei_eras_carry_their_ceremony_names()
    {
        Assert.Equal("皇太子明仁親王の結婚の儀", rules.HolidayOn(new DateOnly(1959, 4, 10))?.Name);
        Assert.Equal("昭和天皇の大喪の礼", rules.HolidayOn(new DateOnly(1989, 2, 24))?.Name);
        Assert.Equal("即位礼正殿の儀", rules.HolidayOn(new DateOnly(1990, 11, 12))?.Name);
        Assert.Equal("皇太子徳仁親王の結婚の儀", rules.HolidayOn(new DateOnly(1993, 6, 9))?.Name);
    }

    [Fact]
    public void Holidays_of_2028_follow_the_law_after_the_published_list_ends()
    {
        // 1/1 and 4/29 fall on Saturdays: no substitutes. Equinoxes: 20.8431+0.242194×48−12 → 3/20, 23.2488+0.242194×48−12 → 9/22.
        Assert.Equal(
            [
                Day(2028, 1, 1, "元日"),
                Day(2028, 1, 10, "成人の日"),
                Day(2028, 2, 11, "建国記念の日"),
                Day(2028, 2, 23, "天皇誕生日"),
                Day(2028, 3, 20, "春分の日"),
                Day(2028, 4, 29, "昭和の日"),
                Day(2028, 5, 3, "憲法記念日"),
                Day(2028, 5, 4, "みどりの日"),
                Day(2028, 5, 5, "こどもの日"),
                Day(2028, 7, 17, "海の日"),
                Day(2028, 8, 11, "山の日"),
                Day(2028, 9, 18, "敬老の日"),
                Day(2028, 9, 22, "秋分の日"),
                Day(2028, 10, 9, "スポーツの日"),
                Day(2028, 11, 3, "文化の日"),
                Day(2028, 11, 23, "勤労感謝の日"),
            ],
            rules.HolidaysOf(2028));
    }

    [Fact]
    public void Holidays_of_2029_have_three_sunday_holidays_moved_to_monday()
    {
        // 2/11, 4/29 and the equinox 9/23 (23.2488+0.242194×49−12 = 23.1) are Sundays.
        Assert.Equal(
            [
                Day(2029, 1, 1, "元日"),
                Day(2029, 1, 8, "成人の日"),
                Day(2029, 2, 11, "建国記念の日"),
                Day(2029, 2, 12, "振替休日"),
                Day(2029, 2, 23, "天皇誕生日"),
                Day(2029, 3, 20, "春分の日"),
                Day(2029, 4, 29, "昭和の日"),
                Day(2029, 4, 30, "振替休日"),
                Day(2029, 5, 3, "憲法記念日"),
                Day(2029, 5, 4, "みどりの日"),
                Day(2029, 5, 5, "こどもの日"),
                Day(2029, 7, 16, "海の日"),
                Day(2029, 8, 11, "山の日"),
                Day(2029, 9, 17, "敬老の日"),
                Day(2029, 9, 23, "秋分の日"),
                Day(2029, 9, 24, "振替休日"),
                Day(2029, 10, 8, "スポーツの日"),
                Day(2029, 11, 3, "文化の日"),
                Day(2029, 11, 23, "勤労感謝の日"),
            ],
            rules.HolidaysOf(2029));
    }

    [Fact]
    public void Holidays_of_2030_move_sunday_holidays_to_monday()
    {
        // 5/5, 8/11 and 11/3 are Sundays. Equinoxes: 20.8431+0.242194×50−12 → 3/20, 23.2488+0.242194×50−12 → 9/23.
        Assert.Equal(
            [
                Day(2030, 1, 1, "元日"),
                Day(2030, 1, 14, "成人の日"),
                Day(2030, 2, 11, "建国記念の日"),
                Day(2030, 2, 23, "天皇誕生日"),
                Day(2030, 3, 20, "春分の日"),
                Day(2030, 4, 29, "昭和の日"),
                Day(2030, 5, 3, "憲法記念日"),
                Day(2030, 5, 4, "みどりの日"),
                Day(2030, 5, 5, "こどもの日"),
                Day(2030, 5, 6, "振替休日"),
                Day(2030, 7, 15, "海の日"),
                Day(2030, 8, 11, "山の日"),
                Day(2030, 8, 12, "振替休日"),
                Day(2030, 9, 16, "敬老の日"),
                Day(2030, 9, 23, "秋分の日"),
                Day(2030, 10, 14, "スポーツの日"),
                Day(2030, 11, 3, "文化の日"),
                Day(2030, 11, 4, "振替休日"),
                Day(2030, 11, 23, "勤労感謝の日"),
            ],
            rules.HolidaysOf(2030));
    }

    [Fact]
    public void The_equinoxes_of_2100_use_the_next_centurys_constants()
    {
        // 2100 is not a leap year, so the 1980–2099 constants would put the spring equinox a day early, on 3/19.
        Assert.Equal("春分の日", rules.HolidayOn(new DateOnly(2100, 3, 20))?.Name);
        Assert.Null(rules.HolidayOn(new DateOnly(2100, 3, 19)));
        Assert.Equal("秋分の日", rules.HolidayOn(new DateOnly(2100, 9, 23))?.Name);
    }

    [Fact]
    public void Years_beyond_the_equinox_approximation_are_refused()
    {
        Assert.NotEmpty(rules.HolidaysOf(2150));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.HolidaysOf(2151));
    }

    [Fact]
    public void An_ordinary_day_is_no_holiday()
    {
        Assert.Null(rules.HolidayOn(new DateOnly(2026, 9, 24)));
    }

    private static Holiday Day(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name);

    /// <summary>The Cabinet Office list names substitutes and sandwiched days alike 休日 and shortens or annotates a few names.</summary>
    private static string AsTheCabinetOfficeNamesIt(Holiday holiday) => holiday switch
    {
        { Name: "振替休日" or "国民の休日" } => "休日",
        { Name: "皇太子明仁親王の結婚の儀" or "皇太子徳仁親王の結婚の儀" } => "結婚の儀",
        { Name: "昭和天皇の大喪の礼" } => "大喪の礼",
        { Name: "天皇の即位の日" } => "休日（祝日扱い）",
        { Name: "即位礼正殿の儀", Date.Year: 2019 } => "休日（祝日扱い）",
        { Name: "体育の日", Date.Year: 2019 } => "体育の日（スポーツの日）",
        _ => holiday.Name,
    };
}
