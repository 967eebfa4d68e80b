using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Faq.Data;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class FaqDbContextFactory : IDesignTimeDbContextFactory<FaqDbContext>
{
    public FaqDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<FaqDbContext>("Kocho.Faq");
        return new FaqDbContext(options, unitOfWork);
    }
}
