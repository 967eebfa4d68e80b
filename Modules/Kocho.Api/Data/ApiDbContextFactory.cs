using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Api.Data;

/// <summary>Design-time factory for <c>dotnet ef</c> (<c>--context ApiDbContext -o Data/Migrations</c>).</summary>
public sealed class ApiDbContextFactory : IDesignTimeDbContextFactory<ApiDbContext>
{
    public ApiDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<ApiDbContext>("Kocho.Api");
        return new ApiDbContext(options, unitOfWork);
    }
}
