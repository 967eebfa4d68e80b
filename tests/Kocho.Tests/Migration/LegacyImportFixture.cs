using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Migration;

/// <summary>One started Shinjuku site shared by the migration stories; each story imports its own codes, numbers and years.</summary>
public sealed class LegacyImportFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }

    /// <summary>A folder under the data path, relative (the host's configuration reads an argument starting with "/" as a switch).</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Host.DataPath, name);
        Directory.CreateDirectory(path);
        return Path.GetRelativePath(Environment.CurrentDirectory, path);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
