using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Reports.Data;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class ReportsDbContextFactory : IDesignTimeDbContextFactory<ReportsDbContext>
{
    public ReportsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<ReportsDbContext>("Kocho.Reports");
        return new ReportsDbContext(options, unitOfWork);
    }
}
