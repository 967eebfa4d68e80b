namespace Kocho.Core.Calendar;

/// <summary>What an admin-entered 例外日 does to the ward office's business calendar.</summary>
/// <remarks>The values are stored; 0 is left out so that an unset kind is rejected.</remarks>
public enum CalendarExceptionKind
{
    /// <summary>The ward office is closed that day (臨時閉庁, e.g. after a disaster).</summary>
    Closed = 1,

    /// <summary>An extra holiday from a law change that <see cref="JapaneseHolidayRules"/> does not know yet.</summary>
    Holiday = 2,

    /// <summary>The office opens on a day that would otherwise be closed (e.g. a weekend before an election).</summary>
    Open = 3,
}
