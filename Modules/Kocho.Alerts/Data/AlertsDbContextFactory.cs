using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Alerts.Data;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context AlertsDbContext -o Data/Migrations</c>).</summary>
public sealed class AlertsDbContextFactory : IDesignTimeDbContextFactory<AlertsDbContext>
{
    public AlertsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<AlertsDbContext>("Kocho.Alerts");
        return new AlertsDbContext(options, unitOfWork);
    }
}
