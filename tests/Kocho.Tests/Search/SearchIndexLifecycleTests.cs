using Kocho.Core.Search;
using Kocho.Portal;
using Kocho.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kocho.Tests.Search;

/// <summary>
/// The index folder a node owns, across CLI runs and restarts. The portal here carries a source for the index
/// "faq-demo" (the demo corpus), standing in for a module's source as the FAQ module will register its own.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchIndexLifecycleTests
{
    [Fact]
    public async Task Rebuild_fills_the_index_from_its_source_it_survives_restarts_and_a_lost_folder_is_refilled_at_start()
    {
        await using var host = await PortalHost.CreateAsync();

        var (code, output, error) = await RunVerbAsync(host, "index", "rebuild");
        Assert.True(code == 0, error);
        Assert.Contains("faq-demo: 119 件を索引に登録しました。", output.Trim().Split('\n'));
        var unknown = await RunVerbAsync(host, "index", "rebuild", "nope");
        Assert.Equal(1, unknown.Code);
        // Every module with an index lists it (faq, cases, …), in name order; the test's own source among them.
        await using (var app = KochoPortal.Build([.. host.Args], WithDemoSource))
        {
            var names = app.Services.GetServices<ISearchIndexSource>().Select(s => s.Index).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Contains("faq-demo", names);
            Assert.Equal($"索引「nope」はありません。あるのは {string.Join(", ", names)} です。", unknown.Error.Trim());
        }

        await using (var portal = await StartAsync(host))
        {
            var search = portal.Services.GetRequiredService<ISearchService>();
            Assert.Equal("81", (await search.SearchAsync("faq-demo", new SearchQuery { Text = "粗大ごみの申込み", Take = 1 })).Hits.Single().Id);
            await search.IndexAsync("faq-demo", [new SearchDocument { Id = "farm", Title = "区民農園の利用者募集" }]);

            var busy = await RunVerbAsync(host, "index", "rebuild", "faq-demo");
            Assert.Equal(1, busy.Code);
            Assert.Contains("実行中のポータルが使っています", busy.Error);
        }

        await using (var portal = await StartAsync(host))
        {
            var search = portal.Services.GetRequiredService<ISearchService>();
            Assert.Equal("farm", (await search.SearchAsync("faq-demo", new SearchQuery { Text = "区民農園", Take = 1 })).Hits.Single().Id);
        }

        Directory.Delete(Path.Combine(host.DataPath, "index", "faq-demo"), recursive: true);
        await using (var portal = await StartAsync(host))
        {
            var search = portal.Services.GetRequiredService<LuceneSearchService>();
            for (var waited = 0; search.Count("faq-demo") < 119 && waited < 200; waited++) await Task.Delay(50);
            Assert.Equal(119, search.Count("faq-demo"));
        }
    }

    [Fact]
    public async Task What_another_process_or_node_indexes_reaches_every_running_index_through_the_change_log()
    {
        await using var host = await PortalHost.StartAsync();

        // A CLI verb on the same node: the running portal owns the index folder, so the change arrives through the log.
        await using (var cli = KochoPortal.Build([.. host.Args], b => b.Logging.ClearProviders()))
        {
            await cli.Services.GetRequiredService<ISearchService>().IndexAsync("notices", [new SearchDocument { Id = "n1", Title = "年末年始の窓口のご案内" }]);
        }
        await WaitUntilFoundAsync(host.Service<ISearchService>(), "年末年始", "n1");

        if (!TestEnvironment.IsPostgres) return; // on SQLite the portal is one node

        await using var node = host.CreateNode();
        await node.StartAsync();
        await WaitUntilFoundAsync(node.Service<ISearchService>(), "年末年始", "n1");

        await host.Service<ISearchService>().DeleteAsync("notices", ["n1"]);
        await host.Service<ISearchService>().IndexAsync("notices", [new SearchDocument { Id = "n2", Title = "粗大ごみ収集日の変更" }]);
        await WaitUntilFoundAsync(node.Service<ISearchService>(), "粗大ごみ", "n2");
        Assert.Equal(0, (await node.Service<ISearchService>().SearchAsync("notices", new SearchQuery { Text = "年末年始" })).Total);
    }

    [Fact]
    public async Task A_node_that_starts_far_behind_the_change_log_rebuilds_its_index_from_the_database()
    {
        await using var host = await PortalHost.StartCopyAsync("demo");
        var published = host.Service<LuceneSearchService>().Count("faq");
        Assert.True(published > 0, "the demo site has published FAQ entries");
        await host.StopAsync();

        // While the node is away: a question changes in the database only (as if its log entry were long pruned), and
        // more changes than the node would replay pile up in the log (documents that no FAQ entry holds).
        const string question = "ペンギン観察会の申込み方法を教えてください。";
        await using (var app = host.Build())
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var faq = scope.ServiceProvider.GetRequiredService<Kocho.Faq.Data.FaqDbContext>();
            var live = await faq.Entries.AsNoTracking().Where(e => e.LiveVersionId != null).Select(e => new { e.Number, e.LiveVersionId }).FirstAsync();
            Assert.Equal(1, await faq.Versions.Where(v => v.Id == live.LiveVersionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Question, question)));
            var log = scope.ServiceProvider.GetRequiredService<Kocho.Core.Search.Synonyms.SearchDbContext>();
            var at = DateTime.UtcNow.AddMinutes(-1);
            log.Changes.AddRange(Enumerable.Range(0, LuceneSearchService.FarBehind + 1).Select(i => new SearchChange
            {
                Index = "faq",
                DocumentId = $"ghost-{i}",
                Document = System.Text.Json.JsonSerializer.Serialize(new SearchDocument { Id = $"ghost-{i}", Title = "ghostdoc" }),
                CreatedUtc = at,
            }));
            await log.SaveChangesAsync();
        }

        await host.StartAsync();
        var search = host.Service<ISearchService>();
        for (var waited = 0; (await search.SearchAsync("faq", new SearchQuery { Text = "ペンギン観察会", Highlight = false })).Total == 0; waited++)
        {
            Assert.True(waited < 300, "the node did not rebuild its FAQ index from the database within 30 s");
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // a follower replaying the log would have brought the ghosts in by now
        Assert.Equal(0, (await search.SearchAsync("faq", new SearchQuery { Text = "ghostdoc", Highlight = false })).Total);
    }

    private static async Task WaitUntilFoundAsync(ISearchService search, string text, string id)
    {
        for (var waited = 0; waited < 150; waited++)
        {
            if ((await search.SearchAsync("notices", new SearchQuery { Text = text })).Hits.Any(h => h.Id == id)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{id} was not found by 「{text}」 within 15 s.");
    }

    private static void WithDemoSource(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddScoped<ISearchIndexSource, DemoFaqSource>();
    }

    private static async Task<(int Code, string Output, string Error)> RunVerbAsync(PortalHost host, params string[] verb)
    {
        var args = verb.Concat(host.Args).ToArray();
        await using var app = KochoPortal.Build(args, WithDemoSource);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KochoPortal.RunVerbAsync(app, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<WebApplication> StartAsync(PortalHost host)
    {
        var app = KochoPortal.Build([.. host.Args], WithDemoSource);
        await app.StartAsync();
        return app;
    }

    private sealed class DemoFaqSource : ISearchIndexSource
    {
        public string Index => "faq-demo";

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var entry in FaqCorpus.Entries)
            {
                await Task.Yield();
                yield return FaqCorpus.ToDocument(entry);
            }
        }
    }
}
