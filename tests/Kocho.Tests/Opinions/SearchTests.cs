using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Opinions;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Search;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// 意見等の検索 on the demo site: each filter finds exactly the demo cases it should; department staff never find
/// another department's case, neither by words nor by receipt number, on the page or through the service.
/// </summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SearchTests(DemoSiteFixture site)
{
    private static readonly HashSet<string> Open = ["転送済", "処理中", "回答案", "承認待"];

    private CaseActor Section => new(Guid.NewGuid(), "山口 美咲", DepartmentId("0103"), new HashSet<string> { Permissions.ViewCasesName, Permissions.ViewAllCasesName });

    private CaseActor StaffOf(string code) => new(Guid.NewGuid(), "林 大輔", DepartmentId(code), new HashSet<string> { Permissions.ViewCasesName, Permissions.HandleName });

    private Guid DepartmentId(string code)
    {
        using var scope = site.Host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CoreDbContext>().Departments.Single(d => d.Code == code).Id;
    }

    private async Task<CaseSearchResult> SearchAsync(CaseActor actor, CaseSearchQuery query)
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseSearch>().SearchAsync(actor, query with { PageSize = 100 });
    }

    private async Task<HashSet<string>> SubjectsAsync(CaseActor actor, CaseSearchQuery query)
    {
        var result = await SearchAsync(actor, query);
        Assert.True(result.Total <= 100, "one page holds them all");
        return result.Rows.Select(r => r.Subject).ToHashSet();
    }

    private HashSet<string> Demo(Func<Kocho.Opinions.Demo.DemoCaseFile.Item, bool> where) =>
        site.Data.Cases.Where(where).Select(c => c.Subject).ToHashSet();

    [Fact]
    public async Task A_receipt_number_is_found_however_it_is_typed()
    {
        var first = (await SearchAsync(Section, new CaseSearchQuery { Sort = CaseSearchSort.Receipt })).Rows[0];
        var (year, sequence) = (first.ReceiptNumber[..4], int.Parse(first.ReceiptNumber[5..]));
        var fullWidth = string.Concat($"{year}-{sequence}".Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));

        var exact = await SearchAsync(Section, new CaseSearchQuery { ReceiptNumber = fullWidth });

        Assert.Equal([first.ReceiptNumber], exact.Rows.Select(r => r.ReceiptNumber));
        var part = await SearchAsync(Section, new CaseSearchQuery { ReceiptNumber = first.ReceiptNumber[5..] });
        Assert.Contains(part.Rows, r => r.ReceiptNumber == first.ReceiptNumber);
    }

    [Theory]
    [InlineData("コンビニ交付", "ｺﾝﾋﾞﾆ交付", "住民票のコンビニ交付が使えない")]
    [InlineData("粗大ごみ", "粗大ゴミ", "粗大ごみの申込み方法")]
    [InlineData("ＬＥＤ電球", "LED電球", "蛍光灯と電球の出し方")]
    public async Task Words_find_the_same_cases_in_full_or_half_width_hiragana_or_katakana(string words, string variant, string expected)
    {
        var found = await SubjectsAsync(Section, new CaseSearchQuery { Text = words });
        var foundByVariant = await SubjectsAsync(Section, new CaseSearchQuery { Text = variant });

        Assert.Contains(expected, found);
        Assert.Equal(found, foundByVariant);
    }

    [Fact]
    public async Task Words_find_cases_by_their_text_not_only_their_subject()
    {
        var found = await SubjectsAsync(Section, new CaseSearchQuery { Text = "防鳥ネット" });

        Assert.Subset(Demo(c => c.Body.Contains("防鳥ネット") || c.Subject.Contains("防鳥ネット")), found);
        Assert.Contains("集積所に防鳥ネットを", found);
        Assert.Contains("集積所のカラス被害", found); // "防鳥ネット" only in its body
    }

    [Fact]
    public async Task Channel_kind_status_and_category_filters_find_exactly_the_demo_cases_they_name()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var categories = scope.ServiceProvider.GetRequiredService<CoreDbContext>().Categories;
        var gomi = categories.Single(c => c.Code == "07").Id;
        var demo = Demo(_ => true);

        Assert.Equal(Demo(c => c.Channel == "FAX"), (await SubjectsAsync(Section, new CaseSearchQuery { Channel = Channel.Fax })).Intersect(demo).ToHashSet());
        Assert.Equal(Demo(c => c.Kind == "提案"), (await SubjectsAsync(Section, new CaseSearchQuery { Kind = CaseKind.Proposal })).Intersect(demo).ToHashSet());
        Assert.Equal(Demo(c => c.Status == "承認待"), (await SubjectsAsync(Section, new CaseSearchQuery { Status = CaseStatus.AwaitingApproval })).Intersect(demo).ToHashSet());
        Assert.Equal(Demo(c => c.Category.StartsWith("07")), (await SubjectsAsync(Section, new CaseSearchQuery { CategoryId = gomi })).Intersect(demo).ToHashSet());
        var both = await SubjectsAsync(Section, new CaseSearchQuery { Kind = CaseKind.Complaint, Channel = Channel.Phone });
        Assert.Equal(Demo(c => c.Kind == "苦情" && c.Channel == "電話"), both.Intersect(demo).ToHashSet());
    }

    [Fact]
    public async Task Department_date_range_and_overdue_filters_find_exactly_the_demo_cases_they_name()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<BusinessCalendarService>().LoadAsync();
        var today = JapanTime.Today(TimeProvider.System);
        var demo = Demo(_ => true);
        DateOnly Received(int ago)
        {
            var day = today;
            for (var found = 0; found < ago;) { day = day.AddDays(-1); if (calendar.IsBusinessDay(day)) found++; }
            return day;
        }

        var park = await SubjectsAsync(Section, new CaseSearchQuery { DepartmentId = DepartmentId("1003") });
        Assert.Equal(Demo(c => c.Status != "受付" && (c.Lead == "1003" || (c.Related ?? []).Contains("1003"))), park.Intersect(demo).ToHashSet());

        var (from, to) = (Received(60), Received(40));
        var range = await SearchAsync(Section, new CaseSearchQuery { From = from, To = to, PageSize = 100 });
        Assert.All(range.Rows, r => Assert.InRange(r.ReceivedOn, from, to));
        Assert.Equal(Demo(c => c.Ago is >= 40 and <= 60), range.Rows.Select(r => r.Subject).Intersect(demo).ToHashSet());

        // Due 14 business days after receipt: overdue are the open ones received more than 14 business days ago.
        var overdue = await SearchAsync(Section, new CaseSearchQuery { Overdue = true, Sort = CaseSearchSort.Due });
        Assert.Equal(Demo(c => Open.Contains(c.Status) && c.Ago > 14), overdue.Rows.Select(r => r.Subject).Intersect(demo).ToHashSet());
        Assert.All(overdue.Rows, r => Assert.True(r.BusinessDaysLeft < 0));
        Assert.Equal(overdue.Rows.OrderBy(r => r.AnswerDue).Select(r => r.AnswerDue), overdue.Rows.Select(r => r.AnswerDue));
    }

    [Fact]
    public async Task Results_come_in_pages_in_the_order_asked_for()
    {
        var page1 = await SearchPageAsync(1);
        var page2 = await SearchPageAsync(2);

        Assert.True(page1.Total >= 300);
        Assert.Equal(page1.Total, page2.Total);
        Assert.Equal(20, page1.Rows.Count);
        Assert.Equal(20, page2.Rows.Count);
        Assert.Empty(page1.Rows.Select(r => r.Id).Intersect(page2.Rows.Select(r => r.Id)));
        var dates = page1.Rows.Concat(page2.Rows).Select(r => r.ReceivedOn).ToList();
        Assert.Equal(dates.OrderDescending(), dates);

        async Task<CaseSearchResult> SearchPageAsync(int page)
        {
            await using var scope = site.Host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CaseSearch>().SearchAsync(Section, new CaseSearchQuery { Sort = CaseSearchSort.Newest, Page = page, PageSize = 20 });
        }
    }

    [Fact]
    public async Task Department_staff_find_only_cases_forwarded_to_them_by_any_filter_words_or_receipt_number()
    {
        var gomi = StaffOf("1102");
        var gomiId = DepartmentId("1102");
        var koseki = await SearchAsync(Section, new CaseSearchQuery { Text = "住民票", DepartmentId = DepartmentId("0502") });
        Assert.NotEmpty(koseki.Rows);

        Assert.DoesNotContain((await SearchAsync(gomi, new CaseSearchQuery { Text = "住民票" })).Rows, r => koseki.Rows.Any(k => k.Id == r.Id));
        Assert.Equal(0, (await SearchAsync(gomi, new CaseSearchQuery { ReceiptNumber = koseki.Rows[0].ReceiptNumber })).Total);
        Assert.Equal(0, (await SearchAsync(gomi, new CaseSearchQuery { DepartmentId = DepartmentId("0502") })).Total);
        var all = await SearchAsync(gomi, new CaseSearchQuery { PageSize = 100 });
        Assert.Equal(Demo(c => c.Status != "受付" && (c.Lead == "1102" || (c.Related ?? []).Contains("1102"))), all.Rows.Select(r => r.Subject).Intersect(Demo(_ => true)).ToHashSet());

        // The index itself is asked only for the department's cases.
        await using var scope = site.Host.Services.CreateAsyncScope();
        var forwarded = (await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Forwardings.AsNoTracking()
            .Where(f => f.DepartmentId == gomiId && f.Status != Kocho.Opinions.Forwarding.ForwardingStatus.Returned).Select(f => f.CaseId).ToListAsync())
            .Select(id => id.ToString()).ToList();
        var hits = await scope.ServiceProvider.GetRequiredService<ISearchService>().SearchAsync(CaseIndex.Name, new SearchQuery
        {
            Text = "住民票 ごみ 保育園 道路",
            Filters = new Dictionary<string, IReadOnlyList<string>> { [CaseIndex.Department] = [gomiId.ToString()] },
            Take = 500,
            Highlight = false,
        });
        Assert.NotEmpty(hits.Hits);
        Assert.All(hits.Hits, h => Assert.Contains(h.Id, forwarded));
    }

    [Fact]
    public async Task On_the_search_page_the_section_finds_a_case_by_its_number_and_another_department_does_not()
    {
        var koseki = (await SearchAsync(Section, new CaseSearchQuery { Text = "コンビニ交付", DepartmentId = DepartmentId("0502") })).Rows[0];
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        using var gomi = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);

        var found = await section.GetStringAsync($"/admin/opinions/search?receipt={koseki.ReceiptNumber}");
        var byWords = await gomi.GetStringAsync("/admin/opinions/search?text=" + Uri.EscapeDataString("コンビニ交付"));
        var byNumber = await gomi.GetStringAsync($"/admin/opinions/search?receipt={koseki.ReceiptNumber}");

        Assert.Contains($"data-testid=\"result-{koseki.ReceiptNumber}\"", found);
        Assert.Contains(koseki.Subject, found);
        Assert.DoesNotContain($"result-{koseki.ReceiptNumber}", byWords);
        Assert.DoesNotContain($"result-{koseki.ReceiptNumber}", byNumber);
        Assert.DoesNotContain(koseki.Subject, byNumber);
        Assert.Contains("data-testid=\"search-count\"", byNumber);
        var bad = await section.GetStringAsync("/admin/opinions/search?from=2026-13-45");
        Assert.Contains("data-testid=\"search-error\"", bad);
    }
}
