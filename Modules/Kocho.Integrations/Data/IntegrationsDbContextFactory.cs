using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Integrations.Data;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context IntegrationsDbContext -o Data/Migrations</c>).</summary>
public sealed class IntegrationsDbContextFactory : IDesignTimeDbContextFactory<IntegrationsDbContext>
{
    public IntegrationsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<IntegrationsDbContext>("Kocho.Integrations");
        return new IntegrationsDbContext(options, unitOfWork);
    }
}
