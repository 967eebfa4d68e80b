namespace Kocho.Core.Calendar;

/// <summary>
/// A 例外日 entered by an administrator: it overrides the weekend, holiday and 年末年始 rules of
/// <see cref="BusinessCalendar"/> for one date. <c>Name</c> is what the calendar shows.
/// </summary>
public sealed record CalendarException(DateOnly Date, CalendarExceptionKind Kind, string Name);
