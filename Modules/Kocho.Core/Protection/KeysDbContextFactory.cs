using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Kocho.Core.Protection;

/// <summary>Design-time factory for <c>dotnet ef</c>.</summary>
public sealed class KeysDbContextFactory : IDesignTimeDbContextFactory<KeysDbContext>
{
    public const string HistoryId = "Kocho.Core.Keys";

    public KeysDbContext CreateDbContext(string[] args)
    {
        var (options, unitOfWork) = DesignTime.Create<KeysDbContext>(HistoryId);
        return new KeysDbContext(options, unitOfWork);
    }
}
