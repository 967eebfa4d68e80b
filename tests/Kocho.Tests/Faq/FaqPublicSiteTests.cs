using System.Net;
using System.Text.Json;
using Kocho.Core.Search;
using Kocho.Faq.Entries;
using Kocho.Faq.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary>The public FAQ: pages and JSON API show 公開 entries only; feedback, view counts, zero-hit logging and suggestions are recorded.</summary>
[Trait("Category", "Integration")]
[Collection(FaqHostFixture.Collection)]
public sealed class FaqPublicSiteTests(FaqHostFixture fixture)
{
    private Task<int> InternalEntryAsync() => fixture.DbAsync(db =>
        db.Entries.Join(db.Versions, e => e.LiveVersionId, v => v.Id, (e, v) => new { e.Number, v.Visibility })
            .Where(x => x.Visibility == FaqVisibility.Internal).OrderBy(x => x.Number).Select(x => x.Number).FirstAsync());

    [Fact]
    public async Task Internal_entries_are_404_on_the_public_site_and_its_API_but_found_by_the_call_center()
    {
        var number = await InternalEntryAsync();
        var question = await fixture.DbAsync(db => db.Entries.Where(e => e.Number == number).Join(db.Versions, e => e.LiveVersionId, v => v.Id, (e, v) => v.Question).SingleAsync());
        using var resident = fixture.Host.PublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/faq/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/faq/{number}")).StatusCode);
        var api = await resident.GetStringAsync("/api/faq/search?q=" + Uri.EscapeDataString(question) + "&size=50");
        Assert.DoesNotContain($"\"id\":{number},", api);
        Assert.DoesNotContain($"data-testid=\"faq-result-{number}\"", await resident.GetStringAsync("/faq/search?q=" + Uri.EscapeDataString(question)));

        using var operatorClient = await fixture.StaffAsync("cc.onodera");
        var staff = await operatorClient.GetStringAsync("/admin/faq/search?q=" + Uri.EscapeDataString(question));
        Assert.Contains($"data-testid=\"faq-cc-result-{number}\"", staff);
        Assert.Contains($"data-testid=\"faq-cc-copy-{number}\"", staff);
    }

    [Fact]
    public async Task The_search_API_answers_in_the_agreed_shape_caps_the_size_and_refuses_bad_paging_in_Japanese()
    {
        using var resident = fixture.Host.PublicClient();
        using var json = JsonDocument.Parse(await resident.GetStringAsync("/api/faq/search?q=" + Uri.EscapeDataString("住民票の写し") + "&page=1&size=3"));
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() > 3);
        var items = root.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        var first = items[0];
        foreach (var property in new[] { "id", "question", "answerSnippet", "category", "url", "score" }) Assert.True(first.TryGetProperty(property, out _), property);
        Assert.Equal($"/faq/{first.GetProperty("id").GetInt32()}", first.GetProperty("url").GetString());

        using var capped = JsonDocument.Parse(await resident.GetStringAsync("/api/faq/search?q=" + Uri.EscapeDataString("区") + "&size=1000"));
        Assert.True(capped.RootElement.GetProperty("items").GetArrayLength() <= 50);

        foreach (var bad in new[] { "page=0", "page=abc", "size=0", "size=-1" })
        {
            var response = await resident.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("住民票") + "&" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("整数で指定してください", await response.Content.ReadAsStringAsync());
        }

        using var entry = JsonDocument.Parse(await resident.GetStringAsync("/api/faq/1"));
        Assert.Equal(1, entry.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/api/faq/999999")).StatusCode);
    }

    [Fact]
    public async Task Pages_show_categories_the_entry_with_its_department_contact_and_count_views_and_feedback()
    {
        using var resident = fixture.Host.PublicClient();
        var home = await resident.GetStringAsync("/faq");
        Assert.Contains("data-testid=\"faq-category-01\"", home);
        var category = await resident.GetStringAsync("/faq/category/01");
        Assert.Contains("data-testid=\"faq-link-1\"", category);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/faq/category/zz")).StatusCode);

        var views = (await fixture.EntryAsync(2)).ViewCount;
        var page = await resident.GetStringAsync("/faq/2");
        Assert.Contains("この回答は役に立ちましたか？", page);
        Assert.Contains("戸籍住民課", page);
        Assert.Equal(views + 1, (await fixture.EntryAsync(2)).ViewCount);

        var none = await resident.PostFormAsync("/faq/2", new() { ["Comment"] = "" }, handler: "Feedback");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("「はい」か「いいえ」を選んでください。", await none.Content.ReadAsStringAsync());
        var thanks = await resident.PostFormAsync("/faq/2", new() { ["Helpful"] = "true", ["Comment"] = "わかりやすかったです" }, handler: "Feedback");
        Assert.Contains("ご回答ありがとうございました。", await thanks.Content.ReadAsStringAsync());
        Assert.Equal(1, (await fixture.EntryAsync(2)).HelpfulCount);
        var stored = await fixture.DbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.EntryId == db.Entries.Single(e => e.Number == 2).Id));
        Assert.Equal("わかりやすかったです", stored.Comment);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_is_logged_and_suggestions_record_shown_and_opened()
    {
        using var resident = fixture.Host.PublicClient();
        var nothing = await resident.GetStringAsync("/faq/search?q=" + Uri.EscapeDataString("ｘｙｚｚｙｑｑ"));
        Assert.Contains("data-testid=\"faq-search-none\"", nothing);
        Assert.Equal(1, await fixture.DbAsync(db => db.ZeroHitQueries.Where(z => z.Query == "xyzzyqq").Select(z => z.Count).SingleAsync()));

        using var suggest = JsonDocument.Parse(await resident.GetStringAsync("/api/faq/suggest?q=" + Uri.EscapeDataString("粗大ごみを出したい")));
        var items = suggest.RootElement.GetProperty("items");
        Assert.InRange(items.GetArrayLength(), 1, 5);
        var first = items[0];
        var number = first.GetProperty("id").GetInt32();
        Assert.EndsWith("?from=suggest", first.GetProperty("url").GetString());
        Assert.True(await fixture.DbAsync(db => db.SuggestionEvents.AnyAsync(s => s.EntryNumber == number && !s.Opened)));
        await resident.GetStringAsync(first.GetProperty("url").GetString()!);
        Assert.True(await fixture.DbAsync(db => db.SuggestionEvents.AnyAsync(s => s.EntryNumber == number && s.Opened)));
    }

    [Fact]
    public async Task An_entry_whose_publish_to_date_has_passed_leaves_the_site_and_the_index()
    {
        var number = await fixture.DbAsync(db => db.Entries.Join(db.Versions, e => e.LiveVersionId, v => v.Id, (e, v) => new { e.Number, v.Visibility })
            .Where(x => x.Visibility == FaqVisibility.Public && x.Number >= 5).OrderBy(x => x.Number).Select(x => x.Number).FirstAsync());
        using var resident = fixture.Host.PublicClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/faq/{number}")).StatusCode);
        var question = await fixture.DbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Number == number);
            var version = await db.Versions.SingleAsync(v => v.Id == entry.LiveVersionId);
            version.PublishTo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            await db.SaveChangesAsync();
            return version.Question;
        });
        // The public site checks the dates itself, before the publication job has run.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/faq/{number}")).StatusCode);

        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<FaqPublication>().RefreshAllAsync(CancellationToken.None) >= 1);
        }
        Assert.Null((await fixture.EntryAsync(number)).LiveVersionId);
        var hits = await fixture.Host.Service<ISearchService>().SearchAsync("faq", new SearchQuery { Text = question, Take = 50, Highlight = false });
        Assert.DoesNotContain(hits.Hits, h => h.Id == number.ToString());
    }
}
