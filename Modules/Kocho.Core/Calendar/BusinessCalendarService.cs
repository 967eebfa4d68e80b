using Kocho.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Calendar;

/// <summary>
/// The ward's business calendar as configured: the holiday law's rules plus the administrators' 例外日,
/// and 回答期限 = the N-th business day strictly after receipt (N = <c>Calendar.AnswerBusinessDays</c>, default 14).
/// </summary>
public sealed class BusinessCalendarService(CalendarDbContext db, SiteSettings settings, JapaneseHolidayRules rules)
{
    public const string AnswerBusinessDaysKey = "Calendar.AnswerBusinessDays";
    public const int DefaultAnswerBusinessDays = 14;

    public async Task<BusinessCalendar> LoadAsync(CancellationToken cancellationToken = default)
    {
        var days = await db.Days.AsNoTracking().ToListAsync(cancellationToken);
        return new BusinessCalendar(rules, days.Select(d => new CalendarException(d.Date, d.Kind, d.Name)));
    }

    public async Task<int> AnswerBusinessDaysAsync(CancellationToken cancellationToken = default) =>
        await settings.GetAsync<int?>(AnswerBusinessDaysKey, cancellationToken) ?? DefaultAnswerBusinessDays;

    public async Task<DateOnly> AnswerDueAsync(DateOnly received, int? businessDays = null, CancellationToken cancellationToken = default)
    {
        var calendar = await LoadAsync(cancellationToken);
        return calendar.AddBusinessDays(received, businessDays ?? await AnswerBusinessDaysAsync(cancellationToken));
    }

    /// <summary>National holidays of a year (振替休日 and 国民の休日 included) and holidays administrators added.</summary>
    public async Task<IReadOnlyList<Holiday>> HolidaysAsync(int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var added = await db.Days.AsNoTracking()
            .Where(d => d.Kind == CalendarExceptionKind.Holiday && d.Date >= from && d.Date <= to)
            .ToListAsync(cancellationToken);
        return rules.HolidaysOf(year)
            .Concat(added.Where(a => rules.HolidayOn(a.Date) is null).Select(a => new Holiday(a.Date, a.Name)))
            .OrderBy(h => h.Date)
            .ToList();
    }
}
