using System.Collections.Frozen;
using System.Globalization;

namespace Kocho.Core.Calendar;

/// <summary>
/// The ward office's 開庁日, as 回答期限 counts them: not Saturday or Sunday, not a 休日 under the holiday law,
/// not 年末年始 (12/29–1/3), and not a closed 例外日; an Open 例外日 overrides all of these.
/// </summary>
public sealed class BusinessCalendar
{
    public const string SaturdayReason = "土曜日";
    public const string SundayReason = "日曜日";
    public const string YearEndReason = "年末年始休業";

    private readonly JapaneseHolidayRules holidays;
    private readonly FrozenDictionary<DateOnly, CalendarException> exceptions;

    /// <exception cref="ArgumentException">An exception has no name or an unknown kind, or two share a date.</exception>
    public BusinessCalendar(JapaneseHolidayRules holidays, IEnumerable<CalendarException> exceptions)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(exceptions);

        var byDate = new Dictionary<DateOnly, CalendarException>();
        foreach (var exception in exceptions)
        {
            ArgumentNullException.ThrowIfNull(exception, nameof(exceptions));
            var date = exception.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(exception.Name))
            {
                throw new ArgumentException($"例外日 {date} に名前がありません。", nameof(exceptions));
            }

            if (!Enum.IsDefined(exception.Kind))
            {
                throw new ArgumentException($"例外日 {date} の種類 {exception.Kind} は不明です。", nameof(exceptions));
            }

            if (!byDate.TryAdd(exception.Date, exception))
            {
                throw new ArgumentException($"例外日 {date} が二つ登録されています。", nameof(exceptions));
            }
        }

        this.holidays = holidays;
        this.exceptions = byDate.ToFrozenDictionary();
    }

    public bool IsBusinessDay(DateOnly date) => ClosedReason(date) is null;

    /// <summary>
    /// Why the office is closed that day, or null on a business day. The most specific reason wins:
    /// the 例外日's name, then the holiday's name, then 年末年始休業, then 土曜日 or 日曜日.
    /// </summary>
    public string? ClosedReason(DateOnly date)
    {
        if (exceptions.TryGetValue(date, out var exception))
        {
            return exception.Kind == CalendarExceptionKind.Open ? null : exception.Name;
        }

        if (holidays.HolidayOn(date) is { } holiday)
        {
            return holiday.Name;
        }

        if (date is { Month: 12, Day: >= 29 } or { Month: 1, Day: <= 3 })
        {
            return YearEndReason;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => SaturdayReason,
            DayOfWeek.Sunday => SundayReason,
            _ => null,
        };
    }

    /// <summary>The <paramref name="count"/>-th business day strictly after <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public DateOnly AddBusinessDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        var day = from;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                found++;
            }
        }

        return day;
    }

    /// <summary>
    /// How many business days d have <paramref name="from"/> &lt; d ≤ <paramref name="to"/>;
    /// negative, with the same magnitude, when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every day of the month with whether the office is open and, if not, why: what a calendar page shows.</summary>
    public IReadOnlyList<(DateOnly Date, bool IsBusinessDay, string? Reason)> Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var days = new (DateOnly Date, bool IsBusinessDay, string? Reason)[DateTime.DaysInMonth(year, month)];
        for (var i = 0; i < days.Length; i++)
        {
            var date = first.AddDays(i);
            var reason = ClosedReason(date);
            days[i] = (date, reason is null, reason);
        }

        return days;
    }
}
