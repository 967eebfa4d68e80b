using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Search.Synonyms;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class SearchDbContextFactory : IDesignTimeDbContextFactory<SearchDbContext>
{
    public SearchDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<SearchDbContext>("Kocho.Core.Search");
        return new SearchDbContext(options, unitOfWork);
    }
}
