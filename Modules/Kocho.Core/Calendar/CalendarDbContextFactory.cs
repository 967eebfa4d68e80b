using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Calendar;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class CalendarDbContextFactory : IDesignTimeDbContextFactory<CalendarDbContext>
{
    public CalendarDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<CalendarDbContext>("Kocho.Core.Calendar");
        return new CalendarDbContext(options, unitOfWork);
    }
}
