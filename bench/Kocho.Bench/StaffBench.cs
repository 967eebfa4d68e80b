using System.Diagnostics;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Security;
using Kocho.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Bench;

/// <summary>
/// Issue #10 item 5, over HTTP as staff use it: the filtered case list (p95 &lt; 100 ms) for the public-hearing section
/// (every case) and for one department's staff, and the statistics page over one year and over all ten (&lt; 1 s).
/// </summary>
public static class StaffBench
{
    public static async Task RunAsync(BenchSite site, BenchResults results, TextWriter log)
    {
        var (section, busiest) = await EnsureStaffAsync(site);
        using var hearing = new WebClient(site.StaffUrl);
        await hearing.SignInStaffAsync("bench-hearing", BenchSite.StaffPassword);
        using var department = new WebClient(site.StaffUrl);
        await department.SignInStaffAsync("bench-department", BenchSite.StaffPassword);

        string[] statuses = ["", "InProgress", "Completed", "Answered", "Forwarded"];
        string[] channels = ["", "WebForm", "Email", "Phone", "Letter"];
        string[] kinds = ["", "Request", "Inquiry", "Complaint"];
        var lists = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var tab = i % 4 == 3 ? "Open" : "Mine";
            lists.Add($"/admin/opinions?tab={tab}&status={statuses[i % statuses.Length]}&channel={channels[i / 5 % channels.Length]}&kind={kinds[i % kinds.Length]}&p={1 + i % 3}");
        }
        var requests = site.Options.IsSmoke ? 12 : 40;
        await hearing.GetStringAsync(lists[0]);
        await department.GetStringAsync(lists[0]);
        var hearingTimes = await TimeAsync(hearing, lists.Take(requests));
        var departmentTimes = await TimeAsync(department, lists.Take(requests));
        var hearingP95 = LoadGenerator.Percentile(hearingTimes, 0.95);
        var departmentP95 = LoadGenerator.Percentile(departmentTimes, 0.95);
        log.WriteLine($"  case list p95: section {hearingP95:F0} ms, department {departmentP95:F0} ms");
        results.Add("staff.list_all.p95_ms", "filtered case list, 広聴担当課 (all cases): p95", hearingP95, "ms", false, "< 100 ms", hearingP95 < 100);
        results.Add("staff.list_all.p50_ms", "filtered case list, 広聴担当課 (all cases): p50", LoadGenerator.Percentile(hearingTimes, 0.5), "ms", false);
        results.Add("staff.list_department.p95_ms", "filtered case list, one department's staff: p95", departmentP95, "ms", false, "< 100 ms", departmentP95 < 100);

        var year = Kocho.Opinions.Cases.ReceiptNumbers.FiscalYearOf(DateOnly.FromDateTime(DateTime.UtcNow));
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10);
        await hearing.GetStringAsync($"/admin/reports?year={year}");
        var oneYear = await TimeAsync(hearing, Enumerable.Repeat($"/admin/reports?year={year}", 3));
        var tenYears = await TimeAsync(hearing, Enumerable.Repeat($"/admin/reports?from={from:yyyy-MM-dd}&to={DateOnly.FromDateTime(DateTime.UtcNow):yyyy-MM-dd}", 3));
        log.WriteLine($"  statistics page: this year {oneYear.Max():F0} ms, ten years {tenYears.Max():F0} ms");
        results.Add("staff.stats_year_ms", "statistics page, this fiscal year (slowest of 3)", oneYear.Max(), "ms", false, "< 1000 ms", oneYear.Max() < 1000);
        results.Add("staff.stats_10y_ms", "statistics page, all ten years (slowest of 3)", tenYears.Max(), "ms", false, "< 1000 ms", tenYears.Max() < 1000);
        results.Note($"Staff lists: {requests} different filter/page combinations (status, channel, kind, tab Mine/Open, pages 1–3) one after another, each user signed in once; the department user belongs to the busiest 課 ({busiest}).");
        _ = section;
    }

    private static async Task<List<double>> TimeAsync(WebClient client, IEnumerable<string> paths)
    {
        var times = new List<double>();
        foreach (var path in paths)
        {
            var watch = Stopwatch.StartNew();
            await client.GetStringAsync(path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>A 広聴担当課 account and a department account (no two-factor sign-in: their roles do not require it).</summary>
    private static async Task<(string Section, string Busiest)> EnsureStaffAsync(BenchSite site) => await site.InScopeAsync(async sp =>
    {
        var core = sp.GetRequiredService<CoreDbContext>();
        var busiest = await core.Departments.AsNoTracking().Where(d => d.Level == DepartmentLevel.Section && d.ValidTo == null).OrderBy(d => d.SortOrder).Select(d => d.Code).FirstAsync();
        var accounts = sp.GetRequiredService<StaffAccounts>();
        var unitOfWork = sp.GetRequiredService<UnitOfWork>();
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KochoUser>>();
        foreach (var (login, name, code, role) in new[] { ("bench-hearing", "ベンチ 広聴", "0103", StandardRoles.PublicHearing), ("bench-department", "ベンチ 所属", busiest, StandardRoles.DepartmentStaff) })
        {
            if (await users.FindByNameAsync(login) is not null) continue;
            await unitOfWork.ExecuteAsync(t => accounts.CreateAsync(new StaffAccounts.NewStaff(login, name, code, [role], BenchSite.StaffPassword), t));
        }
        return ("0103", busiest);
    });
}
