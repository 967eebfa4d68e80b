using Kocho.Core.Calendar;

namespace Kocho.Migration.Import;

/// <summary>The old system kept Japan time without an offset; we keep UTC.</summary>
public static class LegacyTime
{
    public static DateTime ToUtc(DateTime japanLocal) => DateTime.SpecifyKind(japanLocal - JapanTime.Offset, DateTimeKind.Utc);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + JapanTime.Offset, DateTimeKind.Unspecified);
}
