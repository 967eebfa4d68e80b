using System.Text.Json;
using Kocho.Core.Recipes;
using Kocho.Opinions.Demo;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// One portal set up from the demo recipe (300 cases) for every test class of the collection: the demo, search,
/// suggestion and export tests read it; tests that add cases add their own and never change the demo ones.
/// </summary>
public sealed class DemoSiteFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public DemoCaseFile Data { get; } = Load();

    public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync("demo");

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static DemoCaseFile Load()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "recipes", "demo", "opinion-cases.json");
        return JsonSerializer.Deserialize<DemoCaseFile>(File.ReadAllText(path), Recipe.JsonOptions)!;
    }
}

[CollectionDefinition(Name)]
[RunsLong]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSiteFixture>
{
    public const string Name = "Opinions demo site";
}
