using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Users.Residents;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class ResidentsDbContextFactory : IDesignTimeDbContextFactory<ResidentsDbContext>
{
    public ResidentsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<ResidentsDbContext>("Kocho.Users.Residents");
        return new ResidentsDbContext(options, unitOfWork);
    }
}
