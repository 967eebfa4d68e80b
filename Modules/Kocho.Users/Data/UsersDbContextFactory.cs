using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Users.Data;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class UsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<UsersDbContext>("Kocho.Users");
        return new UsersDbContext(options, unitOfWork);
    }
}
