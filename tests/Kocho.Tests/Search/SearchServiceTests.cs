using Kocho.Core.Search;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Search;

/// <summary>One started portal with the demo FAQ corpus in an index of its own, shared by the search service tests.</summary>
public sealed class SearchHostFixture : IAsyncLifetime
{
    /// <summary>Not "faq": that index belongs to the FAQ module, which fills it from its own (here empty) entries.</summary>
    public const string Index = "faq-corpus";

    public PortalHost Host { get; private set; } = null!;

    public ISearchService Search => Host.Services.GetRequiredService<ISearchService>();

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartCopyAsync("shinjuku");
        await Search.IndexAsync(Index, FaqCorpus.Entries.Select(FaqCorpus.ToDocument).ToList());
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The search service as FAQ and opinions use it: residents' spellings, filters, snippets, concurrency.</summary>
[Trait("Category", "Integration")]
public sealed class SearchServiceTests(SearchHostFixture fixture) : IClassFixture<SearchHostFixture>
{
    private static readonly Dictionary<string, IReadOnlyList<string>> PublicOnly = new() { ["visibility"] = ["public"] };

    private ISearchService Search => fixture.Search;

    [Theory]
    [InlineData("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ 暗証番号", "17")]
    [InlineData("まいなんばーかーど 暗証番号", "17")]
    [InlineData("ＰａｙＰａｙで住民税", "30")]
    [InlineData("ｿﾀﾞｲｺﾞﾐ 処理券", "82")]
    public async Task Width_and_kana_variants_find_the_entry(string query, string expected)
    {
        var results = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = query, Take = 3 });
        Assert.Contains(expected, results.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Part_of_a_word_finds_entries_with_the_whole_word()
    {
        var results = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "マイナ", Take = 10 });
        Assert.Contains("15", results.Hits.Select(h => h.Id));
        Assert.Contains("<mark>マイナ</mark>", results.Hits.First(h => h.Id == "15").TitleHtml);

        var oversized = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "粗大", Take = 1 });
        Assert.Contains(Assert.Single(oversized.Hits).Id, new[] { "81", "82", "83", "94" });
    }

    [Fact]
    public async Task Question_phrasing_does_not_change_what_comes_first()
    {
        var plain = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "印鑑登録証 紛失", Take = 1 });
        var sentence = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "印鑑登録証の紛失について知りたいのですが、どうすればいいですか？教えてください。", Take = 1 });
        Assert.Equal("14", plain.Hits.Single().Id);
        Assert.Equal("14", sentence.Hits.Single().Id);
    }

    [Fact]
    public async Task The_recipe_synonyms_find_an_entry_that_uses_the_other_word()
    {
        await Search.IndexAsync("synonyms", [
            new SearchDocument { Id = "card", Title = "マイナンバーカードを申請する", Body = "写真を用意して申請します。" },
            new SearchDocument { Id = "copy", Title = "住民票の写しの交付", Body = "窓口で請求してください。" },
        ]);

        var card = await Search.SearchAsync("synonyms", new SearchQuery { Text = "個人番号カード" });
        Assert.Equal("card", Assert.Single(card.Hits).Id);
        var copy = await Search.SearchAsync("synonyms", new SearchQuery { Text = "じゅうみんひょう" });
        Assert.Equal("copy", Assert.Single(copy.Hits).Id);
    }

    [Fact]
    public async Task An_internal_entry_is_never_returned_when_only_public_entries_are_asked_for()
    {
        const string internalQuery = "支援措置 交付制限 DV";
        var all = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = internalQuery, Take = 1 });
        Assert.Equal("22", all.Hits.Single().Id);
        Assert.Equal(["internal"], all.Hits.Single().Tags["visibility"]);

        var publicOnly = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = internalQuery, Filters = PublicOnly, Take = 200 });
        Assert.True(publicOnly.Total > 0);
        Assert.DoesNotContain(publicOnly.Hits, h => h.Tags["visibility"].Single() != "public");
        Assert.Equal(publicOnly.Total, publicOnly.Hits.Count);

        var department = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery
        {
            Text = "ごみ",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["department"] = ["1103"], ["visibility"] = ["public", "internal"] },
            Take = 200,
        });
        Assert.NotEmpty(department.Hits);
        Assert.All(department.Hits, h => Assert.Equal(["1103"], h.Tags["department"]));
        Assert.Contains("94", department.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Snippets_are_html_encoded_with_only_the_matches_marked()
    {
        await Search.IndexAsync("highlight", [new SearchDocument
        {
            Id = "x",
            Title = "<b>粗大ごみ</b>の出し方",
            Body = "<script>alert('x')</script> 粗大ごみは申込制です & 手数料がかかります。",
        }]);

        var hit = (await Search.SearchAsync("highlight", new SearchQuery { Text = "粗大ごみ" })).Hits.Single();

        Assert.Equal("&lt;b&gt;<mark>粗大ごみ</mark>&lt;/b&gt;の出し方", hit.TitleHtml);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", hit.SnippetHtml.Replace("&#x27;", "&#39;"));
        Assert.Contains("<mark>粗大ごみ</mark>", hit.SnippetHtml);
        Assert.Contains("&amp;", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.DoesNotContain("<b>", hit.TitleHtml);

        var plain = (await Search.SearchAsync("highlight", new SearchQuery { Text = "粗大ごみ", Highlight = false })).Hits.Single();
        Assert.Equal("", plain.SnippetHtml);
    }

    [Fact]
    public async Task Newest_first_pages_through_all_matches_with_the_total()
    {
        var first = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "ごみ", Sort = SearchSort.Newest, Take = 5 });
        var second = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = "ごみ", Sort = SearchSort.Newest, Skip = 5, Take = 5 });

        Assert.True(first.Total > 10);
        Assert.Equal(first.Total, second.Total);
        var numbers = first.Hits.Concat(second.Hits).Select(h => int.Parse(h.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10, numbers.Distinct().Count());
        Assert.Equal(numbers.OrderByDescending(n => n), numbers); // the corpus dates follow the entry numbers
    }

    [Fact]
    public async Task Similar_finds_the_entries_nearest_to_a_text()
    {
        var text = "ソファとベッドを捨てたいので、粗大ごみの収集を申し込みたい。処理券はどこで買えますか。";
        var similar = await Search.SimilarAsync(SearchHostFixture.Index, text, PublicOnly, 3);
        Assert.Contains(similar.Hits.Select(h => h.Id), id => id is "81" or "82");
        Assert.All(similar.Hits, h => Assert.Equal(["public"], h.Tags["visibility"]));
    }

    [Fact]
    public async Task Deleted_and_replaced_documents_are_gone_when_the_call_returns()
    {
        await Search.IndexAsync("delete", [new SearchDocument { Id = "a", Title = "防災訓練のお知らせ" }, new SearchDocument { Id = "b", Title = "防災用品のあっせん" }]);
        await Search.IndexAsync("delete", [new SearchDocument { Id = "a", Title = "避難所の開設" }]);
        await Search.DeleteAsync("delete", ["b"]);

        Assert.Equal(0, (await Search.SearchAsync("delete", new SearchQuery { Text = "防災" })).Total);
        Assert.Equal("a", (await Search.SearchAsync("delete", new SearchQuery { Text = "避難所" })).Hits.Single().Id);
    }

    [Fact]
    public async Task Concurrent_writes_and_searches_all_succeed_and_every_write_is_found()
    {
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Search.IndexAsync("concurrent", [new SearchDocument { Id = $"{w}-{i}", Title = $"区民の声 {w}-{i}", Body = "道路の補修について" }]);
            }
        }));
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var seen = 0;
            for (var i = 0; i < 40; i++)
            {
                var results = await Search.SearchAsync("concurrent", new SearchQuery { Text = "道路の補修", Take = 5 });
                Assert.True(results.Total >= seen, "a later search saw fewer documents");
                seen = results.Total;
            }
        }));

        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(160, (await Search.SearchAsync("concurrent", new SearchQuery { Text = "道路の補修" })).Total);
    }

    [Fact]
    public async Task A_whole_letter_as_the_query_still_finds_its_subject()
    {
        // An inquiry body pasted into the search: far more terms and synonym matches than one query may hold.
        var letter = string.Concat(Enumerable.Repeat("住民票、国保、住民税、保育園、図書館、粗大ごみ、マイナンバーカードのことで、", 40))
            + "いろいろ伺いたいのですが、まずは粗大ごみ処理券をどこで買えるか教えてください。";
        var results = await Search.SearchAsync(SearchHostFixture.Index, new SearchQuery { Text = letter, Take = 10 });
        Assert.True(results.Total > 50);
        Assert.Contains("82", results.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("FAQ")]
    [InlineData("")]
    public async Task An_index_name_that_is_not_a_plain_lower_case_name_is_refused(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Search.SearchAsync(name, new SearchQuery { Text = "x" }));
}
