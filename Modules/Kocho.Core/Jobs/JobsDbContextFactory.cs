using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Jobs;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context JobsDbContext -o Jobs/Migrations</c>).</summary>
public sealed class JobsDbContextFactory : IDesignTimeDbContextFactory<JobsDbContext>
{
    public JobsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<JobsDbContext>("Kocho.Core." + JobsDbContext.Feature);
        return new JobsDbContext(options, unitOfWork);
    }
}
