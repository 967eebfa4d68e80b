using System.Net;
using Kocho.Core.Search;
using Kocho.Core.Search.Synonyms;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Search;

/// <summary>One started portal for the synonym page tests.</summary>
public sealed class SynonymsPageFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync("shinjuku");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The staff page /admin/search/synonyms: administrators edit the list, the next search uses it; others may not.</summary>
[Trait("Category", "Integration")]
public sealed class SynonymsPageTests(SynonymsPageFixture fixture) : IClassFixture<SynonymsPageFixture>
{
    private const string Page = "/admin/search/synonyms";

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task An_administrator_adds_a_synonym_and_the_next_search_finds_entries_by_it()
    {
        var search = Host.Service<ISearchService>();
        await search.IndexAsync("synonym-page", [new SearchDocument { Id = "oversized", Title = "粗大ごみの申込み", Body = "粗大ごみ受付センターに申し込んでください。" }]);
        Assert.Equal(0, (await search.SearchAsync("synonym-page", new SearchQuery { Text = "ソファ" })).Total);

        using var admin = await Host.SignedInStaffAsync();
        var page = await admin.GetStringAsync(Page);
        Assert.Contains("住民票, 住民票の写し, じゅうみんひょう", page);
        var current = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea[^>]*>([^<]*)</textarea>").Groups[1].Value);

        var saved = await admin.PostFormAsync(Page, new() { ["Text"] = current + "\nソファ、ベッド ⇔ 粗大ごみ" });
        Assert.Contains("同義語を保存しました。次の検索から反映されます。", await saved.Content.ReadAsStringAsync());

        var found = await search.SearchAsync("synonym-page", new SearchQuery { Text = "ｿﾌｧを捨てたい" });
        Assert.Equal("oversized", found.Hits.Single().Id);
        Assert.Contains(await ReadAsync(), g => g.SequenceEqual(["ソファ", "ベッド", "粗大ごみ"]));
    }

    [Fact]
    public async Task A_line_with_one_word_is_refused_with_its_line_number_and_nothing_is_saved()
    {
        var before = await ReadAsync();
        using var admin = await Host.SignedInStaffAsync();

        var response = await admin.PostFormAsync(Page, new() { ["Text"] = "住民票, 住民票の写し\n\nソファ\n" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"synonyms-errors\"", html);
        Assert.Contains("3行目: 同義語は「住民票, 住民票の写し」のように2語以上をカンマ（、）で区切って入力してください。", html);
        Assert.Equal(before, await ReadAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var admin = await Host.SignedInStaffAsync();
        var response = await admin.Http.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "a, b" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await ReadAsync(), g => g.SequenceEqual(["a", "b"]));
    }

    [Fact]
    public async Task Department_staff_may_neither_see_nor_change_the_list()
    {
        var (code, _, error) = await Host.RunVerbAsync("users", "add", "--login", "clerk-search", "--name", "新宿 四郎", "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        Assert.True(code == 0, error);
        using var clerk = await Host.SignedInStaffAsync("clerk-search", "clerk-password-2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(Page)).StatusCode);
        var token = PortalClient.AntiforgeryToken(await clerk.GetStringAsync("/admin/calendar"))!;
        var post = await clerk.Http.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "a, b" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain(await ReadAsync(), g => g.SequenceEqual(["a", "b"]));
    }

    private async Task<List<string[]>> ReadAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SynonymStore>().ReadAsync(CancellationToken.None);
    }
}
