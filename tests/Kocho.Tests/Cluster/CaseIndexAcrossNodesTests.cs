using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Intake;
using Kocho.Opinions.Search;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Cluster;

/// <summary>
/// #12 item 2: a case changed on node A, then on node B, then on A again is indexed as it now is on every node. The
/// department the case is forwarded to at the end finds it by search on both nodes, whichever node changed it last.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseIndexAcrossNodesTests
{
    private const string Subject = "二つのノードで転送し直した道路照明の件";

    [PostgresFact]
    public async Task A_case_forwarded_on_A_returned_on_B_and_forwarded_again_on_A_is_found_by_its_department_on_both_nodes()
    {
        await using var a = await PortalHost.StartCopyAsync("shinjuku");
        await using var b = a.CreateNode();
        await b.StartAsync();

        Guid caseId, koseki;
        static CaseActor SectionOn(Guid section) => CaseActor.System("広聴 太郎", section);
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var directory = sp.GetRequiredService<DepartmentDirectory>();
            var section = (await directory.FindByCodeAsync("0103"))!.Id;
            koseki = (await directory.FindByCodeAsync("0502"))!.Id;
            var received = await sp.GetRequiredService<IntakeService>().RegisterAsync(SectionOn(section), new IntakeRequest
            {
                Channel = Channel.Letter, Subject = Subject, Body = "夜になると道路が暗いので照明を増やしてください。", Sender = SenderKind.Anonymous,
                ReceivedOn = JapanTime.Today(TimeProvider.System),
            });
            Assert.True(received.Succeeded, string.Join(" ", received.Errors.Values));
            caseId = received.CaseId;
            await sp.GetRequiredService<ForwardingService>().ForwardAsync(SectionOn(section), caseId, new ForwardRequest(koseki, []));
        }
        await FoundByDepartmentAsync(a, caseId, koseki, expected: true);

        // Node B: the department sends it back (no department holds it now).
        await using (var scope = b.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var section = (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync("0103"))!.Id;
            var forwardings = await sp.GetRequiredService<OpinionsDbContext>().Forwardings.AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync();
            await sp.GetRequiredService<ForwardingService>().ReturnAsync(SectionOn(section), forwardings.Single(f => f.IsActive).Id, "担当課が違うため返却します。");
        }
        await FoundByDepartmentAsync(b, caseId, koseki, expected: false);
        await FoundByDepartmentAsync(a, caseId, koseki, expected: false);

        // Node A again: forwarded to the same department as the first time, so the case reads as it did then.
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var section = (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync("0103"))!.Id;
            await sp.GetRequiredService<ForwardingService>().ForwardAsync(SectionOn(section), caseId, new ForwardRequest(koseki, []));
        }
        await FoundByDepartmentAsync(a, caseId, koseki, expected: true);
        await FoundByDepartmentAsync(b, caseId, koseki, expected: true);
    }

    /// <summary>Waits (up to 15 s: node B follows the change log every second) until the department's search on <paramref name="node"/> shows the case or not.</summary>
    private static async Task FoundByDepartmentAsync(PortalHost node, Guid caseId, Guid department, bool expected)
    {
        var search = node.Service<ISearchService>();
        var query = new SearchQuery
        {
            Text = Subject,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [CaseIndex.Department] = [department.ToString()] },
            Highlight = false,
        };
        for (var waited = 0; ; waited++)
        {
            var found = (await search.SearchAsync(CaseIndex.Name, query)).Hits.Any(h => h.Id == caseId.ToString());
            if (found == expected) return;
            Assert.True(waited < 150, $"the department's search on {node.PublicUrl} {(expected ? "did not find" : "still found")} the case within 15 s");
            await Task.Delay(100);
        }
    }
}
