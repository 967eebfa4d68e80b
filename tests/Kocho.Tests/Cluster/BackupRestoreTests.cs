using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Kocho.Core.Search;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Kocho.Tests.Cluster;

/// <summary>
/// docs/deployment.md, backup and restore: tools/backup.sh dumps a running site (database and key ring),
/// tools/restore.sh puts it into a fresh database, and a new node started on it reads the residents' personal data,
/// accepts their access codes and rebuilds its search index from the database.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class BackupRestoreTests
{
    [GeneratedRegex("name=\"Input.FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("data-testid=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex("data-testid=\"access-code\">([^<]+)<")]
    private static partial Regex AccessCode();

    [PostgresFact]
    public async Task A_backup_restored_into_a_fresh_database_starts_a_node_that_reads_the_personal_data_and_accepts_the_access_codes()
    {
        await using var site = await PortalHost.StartAsync("shinjuku");
        using var resident = site.PublicClient();
        var page = await resident.GetStringAsync("/opinions/new");
        var sent = await (await resident.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FormToken"] = FormToken().Match(page).Groups[1].Value, ["Input.Route"] = "mayor", ["Input.Kind"] = "Request",
            ["Input.Subject"] = "復元の確認", ["Input.Body"] = "公園の照明をお願いします。", ["Input.WantsAnswer"] = "true",
            ["Input.AnswerMethod"] = "Web", ["Input.Name"] = "復元 花子", ["Input.Email"] = "restore@example.jp",
            ["Input.PostalCode"] = "", ["Input.Address"] = "", ["Input.Phone"] = "", ["Input.Website"] = "",
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page)!,
        }))).Content.ReadAsStringAsync();
        var receipt = ReceiptNumber().Match(sent).Groups[1].Value;
        var code = WebUtility.HtmlDecode(AccessCode().Match(sent).Groups[1].Value);
        Assert.Matches(@"^\d{4}-\d{6}$", receipt);

        var source = new NpgsqlConnectionStringBuilder(site.Args.Single(a => a.StartsWith("--ConnectionStrings:Kocho=", StringComparison.Ordinal))["--ConnectionStrings:Kocho=".Length..]);
        var restoredName = "kocho_r_" + Guid.NewGuid().ToString("N")[..16];
        var backup = Path.Combine(Path.GetTempPath(), "kocho-tests", "backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("backup.sh", Conninfo(source, source.Database!), backup);
            Assert.True(File.Exists(Path.Combine(backup, "kocho.dump")) && File.Exists(Path.Combine(backup, "keyring.dump")));
            await RunAsync("restore.sh", backup, Conninfo(source, restoredName));
            // A restore never overwrites a database that holds a site.
            var refused = await RunAsync("restore.sh", [backup, Conninfo(source, restoredName)], expectSuccess: false);
            Assert.Contains("already holds", refused);

            var restored = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = restoredName };
            await using var node = site.CreateNode($"--ConnectionStrings:Kocho={restored.ConnectionString}");
            await node.StartAsync();

            var answer = WebUtility.HtmlDecode(await (await node.PublicClient().PostFormAsync("/opinions/answer", new() { ["ReceiptNumber"] = receipt, ["AccessCode"] = code })).Content.ReadAsStringAsync());
            Assert.Contains("復元の確認", answer);
            await using (var scope = node.Services.CreateAsyncScope())
            {
                var stored = await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking().SingleAsync(c => c.ReceiptNumber == receipt);
                Assert.Equal("復元 花子", stored.ContactName);
            }
            var search = node.Service<LuceneSearchService>();
            for (var waited = 0; search.Count("cases") == 0; waited++)
            {
                Assert.True(waited < 300, "the restored node did not rebuild its cases index within 30 s");
                await Task.Delay(100);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {restoredName} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
            if (Directory.Exists(backup)) Directory.Delete(backup, recursive: true);
        }
    }

    private static string Conninfo(NpgsqlConnectionStringBuilder server, string database) =>
        $"host={server.Host} port={server.Port} user={server.Username} password={server.Password} dbname={database}";

    private static Task<string> RunAsync(string script, params string[] args) => RunAsync(script, args, expectSuccess: true);

    private static async Task<string> RunAsync(string script, string[] args, bool expectSuccess)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Find(), "tools", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        Assert.True((process.ExitCode == 0) == expectSuccess, $"{script} exited {process.ExitCode}: {text}");
        return text;
    }
}
