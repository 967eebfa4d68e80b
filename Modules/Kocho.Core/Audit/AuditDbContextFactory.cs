using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Audit;

/// <summary>Design-time factory for <c>dotnet ef</c> (history table of "Kocho.Core.Audit").</summary>
public sealed class AuditDbContextFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public const string HistoryId = "Kocho.Core.Audit";

    public AuditDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<AuditDbContext>(HistoryId);
        return new AuditDbContext(options, unitOfWork);
    }
}
