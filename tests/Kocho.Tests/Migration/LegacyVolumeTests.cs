using System.Diagnostics;
using Kocho.Migration.Legacy;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Migration;

/// <summary>
/// Ten years of a ward's cases: 100,000 cases (with history, answers and forwardings) import in one transaction, search
/// indexing included. How fast is the benchmark suite's question (#10), not a timed test's: the time is only logged here.
/// </summary>
[RunsLong]
public sealed class LegacyVolumeTests(ITestOutputHelper log)
{
    [Fact]
    public async Task One_hundred_thousand_cases_import_in_one_run()
    {
        await using var host = await PortalHost.CreateAsync();
        var dir = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(host.DataPath, "legacy-100k"));
        new LegacyExportGenerator { Prefix = "V1", FirstFaqNumber = 1, FirstFiscalYear = 2015, FiscalYears = 10, FaqCount = 1000, CaseCount = 100_000, FullHistory = false }
            .Generate().Write(dir, LegacyEncodings.ShiftJis);

        var watch = Stopwatch.StartNew();
        var (code, output, error) = await host.RunVerbAsync("import", "legacy", "--dir", dir);
        watch.Stop();
        log.WriteLine($"100k import: {watch.Elapsed}");
        Assert.True(code == 0, output + error);
        Assert.Contains("IKEN.csv: 新規 100000 件", output);

        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpinionsDbContext>();
        Assert.Equal(100_000, await db.Cases.CountAsync());
        Assert.Equal(10_000, (await db.ReceiptCounters.SingleAsync(c => c.FiscalYear == 2024)).Last);
        Assert.Equal(100_000 / 6 * 2 + 1, await db.Answers.CountAsync()); // 回答済 and 完了 among i % 6
    }
}
