using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Privacy.Incidents;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class IncidentsDbContextFactory : IDesignTimeDbContextFactory<IncidentsDbContext>
{
    public IncidentsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<IncidentsDbContext>("Kocho.Privacy.Incidents");
        return new IncidentsDbContext(options, unitOfWork);
    }
}
