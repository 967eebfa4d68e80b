using System.Data.Common;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// The case list reads a page along an index and counts by key, whatever the number of cases (issue #10: the list of
/// a ward's ten years sorted every case). SQLite's own query plans are checked, not times: a plan that sorts the whole
/// table or probes every case would pass on a small test site and take seconds on 1M cases.
/// </summary>
public sealed class CaseListPlanTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    private async Task<(IReadOnlyList<string> Count, IReadOnlyList<string> Page)> PlansAsync(CaseActor actor, CaseListQuery query)
    {
        return await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpinionsDbContext>();
            var today = new DateOnly(2026, 12, 2);
            var (counted, ordered) = sp.GetRequiredService<CaseQueries>().ListQueries(actor, query, today, today.AddDays(3));
            return (await PlanAsync(db, counted.Select(c => c.Id).ToQueryString()), await PlanAsync(db, ordered.Skip(50).Take(50).ToQueryString()));
        });
    }

    /// <summary>EXPLAIN QUERY PLAN of a query as EF writes it (its <c>.param set</c> lines dropped: plans don't depend on values).</summary>
    private static async Task<IReadOnlyList<string>> PlanAsync(DbContext db, string sql)
    {
        var text = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + text;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [SqliteFact]
    public async Task The_sections_list_of_all_cases_is_read_along_the_due_date_index()
    {
        var (_, page) = await PlansAsync(await site.SectionAsync(), new CaseListQuery(CaseListTab.Mine));
        Assert.Contains(page, line => line.Contains("IX_opinion_cases_ListOrder", StringComparison.Ordinal));
        Assert.DoesNotContain(page, line => line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task A_departments_list_is_counted_from_the_forwarding_index_and_paged_along_the_due_date_index()
    {
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "0803");
        var (count, page) = await PlansAsync(staff, new CaseListQuery(CaseListTab.Mine));

        Assert.Contains(count, line => line.Contains("IX_opinion_forwardings_DepartmentId_Status_CaseId", StringComparison.Ordinal));
        Assert.Contains(count, line => line.Contains("IX_opinion_cases_CreatedById", StringComparison.Ordinal));
        // No step of the count walks the cases table: each case is looked up by its key.
        Assert.DoesNotContain(count, line => line.StartsWith("SCAN", StringComparison.Ordinal));

        Assert.Contains(page, line => line.Contains("IX_opinion_cases_ListOrder", StringComparison.Ordinal));
        Assert.DoesNotContain(page, line => line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task The_sections_list_filtered_by_department_is_counted_by_key()
    {
        var section = await site.SectionAsync();
        var (count, _) = await PlansAsync(section, new CaseListQuery(CaseListTab.Mine, DepartmentId: await site.DepartmentAsync("0803")));
        Assert.Contains(count, line => line.Contains("IX_opinion_forwardings_DepartmentId_Status_CaseId", StringComparison.Ordinal));
        Assert.DoesNotContain(count, line => line.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
