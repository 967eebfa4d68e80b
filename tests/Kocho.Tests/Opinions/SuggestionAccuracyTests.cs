using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Opinions.Data;
using Kocho.Opinions.Search;
using Kocho.Opinions.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Opinions;

/// <summary>
/// Issue #4 item 9: how often the suggested 主管課 is the right one. Every 5th demo case is held out (taken out of the
/// index); its text asks the suggester, the other forwarded cases vote. Chance is about 1 in 28 departments; measured
/// on this data: top-1 70 %, top-3 90 %.
/// </summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SuggestionAccuracyTests(DemoSiteFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_right_lead_department_is_among_the_top_three_suggestions_for_most_held_out_cases()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpinionsDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<ISearchService>();
        var suggester = scope.ServiceProvider.GetRequiredService<DepartmentSuggester>();
        var codes = (await scope.ServiceProvider.GetRequiredService<DepartmentDirectory>().AllAsync()).ToDictionary(d => d.Id, d => d.Code);
        var heldOutLines = site.Data.Cases.Where((_, i) => i % 5 == 4).ToList();
        var subjects = heldOutLines.Select(l => l.Subject).ToList();
        var heldOut = await db.Cases.AsNoTracking().Where(c => subjects.Contains(c.Subject)).Select(c => new { c.Id, c.Subject, c.Body }).ToListAsync();
        Assert.Equal(60, heldOut.Count);

        await search.DeleteAsync(CaseIndex.Name, heldOut.Select(c => c.Id.ToString()).ToList());
        int top1 = 0, top3 = 0;
        try
        {
            foreach (var c in heldOut)
            {
                var expected = heldOutLines.Single(l => l.Subject == c.Subject).Lead;
                var suggestions = await suggester.SuggestAsync($"{c.Subject}\n{c.Body}", c.Id);
                Assert.InRange(suggestions.Count, 1, 3);
                Assert.All(suggestions, s => Assert.NotEmpty(s.SimilarCases));
                if (suggestions[0].Code == expected) top1++;
                if (suggestions.Any(s => s.Code == expected)) top3++;
            }
        }
        finally
        {
            // Put the held-out cases back for the other tests of the collection.
            var indexer = scope.ServiceProvider.GetRequiredService<CaseIndexer>();
            await scope.ServiceProvider.GetRequiredService<Kocho.Core.Data.UnitOfWork>().ExecuteAsync(async ct =>
            {
                foreach (var c in heldOut)
                {
                    await indexer.IndexAsync(c.Id, ct);
                }
            }, CancellationToken.None);
        }

        output.WriteLine($"Department suggestion on {heldOut.Count} held-out demo cases: top-1 accuracy {top1 / 60.0:P0}, top-3 accuracy {top3 / 60.0:P0} (chance ≈ {1 / 28.0:P0} / {3 / 28.0:P0}).");
        Assert.True(top3 / 60.0 >= 0.75, $"top-3 accuracy {top3}/60");
        Assert.True(top1 / 60.0 >= 0.5, $"top-1 accuracy {top1}/60");
    }
}

/// <summary>The section opens a new case to forward it and sees the suggested departments with their reasons.</summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SuggestionOnTheCasePageTests(DemoSiteFixture site)
{
    [Fact]
    public async Task The_forwarding_form_of_a_new_case_suggests_its_department_with_similar_past_cases()
    {
        Guid id;
        await using (var scope = site.Host.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking()
                .Where(c => c.Subject == "住民票の写しにマイナンバーを記載したい").Select(c => c.Id).SingleAsync();
        }
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", Kocho.Tests.Infrastructure.PortalHost.DemoPassword);

        var page = await section.GetStringAsync($"/admin/opinions/{id}");

        Assert.Contains("data-testid=\"department-suggestions\"", page);
        Assert.Contains("data-testid=\"suggestion-0502\"", page);
        Assert.Contains("data-testid=\"suggestion-forward-0502\"", page);
    }
}
