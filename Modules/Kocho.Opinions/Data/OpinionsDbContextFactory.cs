using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Opinions.Data;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class OpinionsDbContextFactory : IDesignTimeDbContextFactory<OpinionsDbContext>
{
    public OpinionsDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<OpinionsDbContext>("Kocho.Opinions");
        return new OpinionsDbContext(options, unitOfWork);
    }
}
