using System.Collections.Concurrent;

namespace Kocho.Core.Calendar;

/// <summary>
/// 国民の祝日に関する法律 (昭和23年法律第178号, in force from 1948-07-20) with its amendments and the special
/// laws for one-off holidays: the 国民の祝日 of 第2条, 振替休日 (第3条第2項) and 国民の休日 (第3条第3項).
/// </summary>
public sealed class JapaneseHolidayRules
{
    /// <summary>The year the law came into force; earlier years have no holidays under it.</summary>
    public const int FirstYear = 1948;

    /// <summary>The last year of the equinox approximation's range; later years are refused.</summary>
    public const int LastYear = 2150;

    public const string SubstituteHolidayName = "振替休日";
    public const string CitizensHolidayName = "国民の休日";

    private static readonly DateOnly LawInForce = new(1948, 7, 20);

    // 昭和48年法律第10号 (振替休日) and 昭和60年法律第103号 (国民の休日) took effect on these days.
    private static readonly DateOnly SubstituteHolidaysFrom = new(1973, 4, 12);
    private static readonly DateOnly CitizensHolidaysFrom = new(1985, 12, 27);

    // 平成17年法律第43号: from 2007 a substitute skips over consecutive 祝日, and a sandwiched day need only not be a 祝日.
    private const int RevisedArticle3From = 2007;

    private readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> byYear = new();

    /// <summary>Every 休日 of the year in date order, including 振替休日 and 国民の休日.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is after <see cref="LastYear"/>.</exception>
    public IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        return year < FirstYear ? [] : byYear.GetOrAdd(year, Compute);
    }

    /// <summary>The 休日 on that date, or null on an ordinary day.</summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        foreach (var holiday in HolidaysOf(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        // The special laws for one-off days declare them 国民の祝日 for 第3条, so they count for 振替休日 and 国民の休日 too.
        var nationalHolidays = NationalHolidays(year)
            .Where(h => h.Date >= LawInForce)
            .ToDictionary(h => h.Date);
        var holidays = new SortedDictionary<DateOnly, Holiday>(nationalHolidays);

        foreach (var date in nationalHolidays.Keys)
        {
            if (date.DayOfWeek == DayOfWeek.Sunday && date >= SubstituteHolidaysFrom)
            {
                var substitute = date.AddDays(1);
                if (year >= RevisedArticle3From)
                {
                    while (nationalHolidays.ContainsKey(substitute))
                    {
                        substitute = substitute.AddDays(1);
                    }
                }

                if (!nationalHolidays.ContainsKey(substitute))
                {
                    holidays[substitute] = new Holiday(substitute, SubstituteHolidayName);
                }
            }
        }

        var sundaysExcluded = year < RevisedArticle3From;
        foreach (var date in nationalHolidays.Keys)
        {
            var between = date.AddDays(1);
            if (between >= CitizensHolidaysFrom
                && nationalHolidays.ContainsKey(between.AddDays(1))
                && !holidays.ContainsKey(between)
                && !(sundaysExcluded && between.DayOfWeek == DayOfWeek.Sunday))
            {
                holidays[between] = new Holiday(between, CitizensHolidayName);
            }
        }

        return holidays.Values.ToArray().AsReadOnly();
    }

    private static IEnumerable<Holiday> NationalHolidays(int year)
    {
        yield return On(year, 1, 1, "元日");

        yield return year < 2000
            ? On(year, 1, 15, "成人の日")
            : OnNthMonday(year, 1, 2, "成人の日");

        if (year >= 1967)
        {
            yield return On(year, 2, 11, "建国記念の日");
        }

        if (year >= 2020)
        {
            yield return On(year, 2, 23, "天皇誕生日");
        }

        yield return On(year, 3, EquinoxDay(year, vernal: true), "春分の日");

        if (year <= 1988)
        {
            yield return On(year, 4, 29, "天皇誕生日");
        }
        else if (year <= 2006)
        {
            yield return On(year, 4, 29, "みどりの日");
        }
        else
        {
            yield return On(year, 4, 29, "昭和の日");
        }

        yield return On(year, 5, 3, "憲法記念日");

        if (year >= 2007)
        {
            yield return On(year, 5, 4, "みどりの日");
        }

        yield return On(year, 5, 5, "こどもの日");

        // 海の日, スポーツの日 and 山の日 of 2020 and 2021 were moved for the Tokyo Olympics by the 東京オリンピック・パラリンピック特別措置法 (amended 2018, 2020).
        if (year >= 1996)
        {
            yield return year switch
            {
                2020 => On(year, 7, 23, "海の日"),
                2021 => On(year, 7, 22, "海の日"),
                < 2003 => On(year, 7, 20, "海の日"),
                _ => OnNthMonday(year, 7, 3, "海の日"),
            };
        }

        if (year >= 2016)
        {
            yield return year switch
            {
                2020 => On(year, 8, 10, "山の日"),
                2021 => On(year, 8, 8, "山の日"),
                _ => On(year, 8, 11, "山の日"),
            };
        }

        if (year >= 1966)
        {
            yield return year < 2003
                ? On(year, 9, 15, "敬老の日")
                : OnNthMonday(year, 9, 3, "敬老の日");
        }

        yield return On(year, 9, EquinoxDay(year, vernal: false), "秋分の日");

        if (year >= 1966)
        {
            yield return year switch
            {
                < 2000 => On(year, 10, 10, "体育の日"),
                < 2020 => OnNthMonday(year, 10, 2, "体育の日"),
                2020 => On(year, 7, 24, "スポーツの日"),
                2021 => On(year, 7, 23, "スポーツの日"),
                _ => OnNthMonday(year, 10, 2, "スポーツの日"),
            };
        }

        yield return On(year, 11, 3, "文化の日");
        yield return On(year, 11, 23, "勤労感謝の日");

        if (year is >= 1989 and <= 2018)
        {
            yield return On(year, 12, 23, "天皇誕生日");
        }

        foreach (var oneOff in OneOffHolidays(year))
        {
            yield return oneOff;
        }
    }

    private static IEnumerable<Holiday> OneOffHolidays(int year)
    {
        switch (year)
        {
            case 1959:
                yield return On(year, 4, 10, "皇太子明仁親王の結婚の儀");
                break;
            case 1989:
                yield return On(year, 2, 24, "昭和天皇の大喪の礼");
                break;
            case 1990:
                yield return On(year, 11, 12, "即位礼正殿の儀");
                break;
            case 1993:
                yield return On(year, 6, 9, "皇太子徳仁親王の結婚の儀");
                break;
            case 2019:
                yield return On(year, 5, 1, "天皇の即位の日");
                yield return On(year, 10, 22, "即位礼正殿の儀");
                break;
        }
    }

    /// <summary>
    /// 春分日 and 秋分日 are fixed each year by the 国立天文台; this is the usual approximation of the
    /// equinox date in Japan time, with constants per century range (the 2100 jump is its skipped leap day).
    /// Checked against Meeus (Astronomical Algorithms, ch. 27) for 1948–2150: only 秋分 2107 differs (Meeus: 9/23, 23:36 JST).
    /// </summary>
    private static int EquinoxDay(int year, bool vernal)
    {
        var constant = (year, vernal) switch
        {
            ( < 1980, true) => 20.8357m,
            ( < 1980, false) => 23.2588m,
            ( < 2100, true) => 20.8431m,
            ( < 2100, false) => 23.2488m,
            (_, true) => 21.8510m,
            (_, false) => 24.2488m,
        };

        // Leap days since 1980, counted in whole groups that start on a leap year; integer division truncates toward zero.
        var leapDays = year < 1980 ? (year - 1983) / 4 : (year - 1980) / 4;
        return (int)decimal.Floor(constant + 0.242194m * (year - 1980) - leapDays);
    }

    private static Holiday On(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name);

    private static Holiday OnNthMonday(int year, int month, int nth, string name)
    {
        var first = new DateOnly(year, month, 1);
        var toFirstMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return new Holiday(first.AddDays(toFirstMonday + 7 * (nth - 1)), name);
    }
}
