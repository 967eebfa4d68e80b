using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Privacy.Retention;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context RetentionDbContext -o Retention/Migrations</c>).</summary>
public sealed class RetentionDbContextFactory : IDesignTimeDbContextFactory<RetentionDbContext>
{
    public RetentionDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<RetentionDbContext>("Kocho.Privacy." + RetentionDbContext.Feature);
        return new RetentionDbContext(options, unitOfWork);
    }
}
