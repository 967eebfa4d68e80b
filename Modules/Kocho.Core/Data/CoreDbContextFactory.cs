using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Data;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class CoreDbContextFactory : IDesignTimeDbContextFactory<CoreDbContext>
{
    public CoreDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<CoreDbContext>("Kocho.Core");
        return new CoreDbContext(options, unitOfWork);
    }
}
