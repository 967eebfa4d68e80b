namespace Kocho.Core.Calendar;

/// <summary>Japan Standard Time (UTC+9, no daylight saving since 1951): what staff read and type, while instants are stored in UTC.</summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The UTC instant at which the JST date begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static DateTime ToJst(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    public static DateTimeOffset ToJst(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToJst(clock.GetUtcNow().UtcDateTime));
}
