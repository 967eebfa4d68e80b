using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kocho.Bench;

/// <summary>
/// Issue #10 item 4: web-form submissions/s end to end over HTTP (the form page, then the post with antiforgery,
/// validation, encryption, commit, outbox, change feed) beside raw one-row insert transactions/s on the same engine.
/// </summary>
public static class IntakeBench
{
    public static async Task RunAsync(BenchSite site, BenchResults results, TextWriter log)
    {
        var duration = TimeSpan.FromSeconds(site.Options.LoadSeconds);
        var workers = 4;
        var sent = 0;
        var failed = 0;
        string? firstFailure = null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            using var client = new WebClient(site.PublicUrl);
            var n = 0;
            while (watch.Elapsed < duration)
            {
                n++;
                var page = await client.GetStringAsync("/opinions/new");
                var (status, body, _) = await client.PostAsync("/opinions/new?handler=Send", page, Fields(w, n));
                if (status == HttpStatusCode.OK && body.Contains("data-testid=\"opinion-done\"", StringComparison.Ordinal)) Interlocked.Increment(ref sent);
                else
                {
                    Interlocked.Increment(ref failed);
                    firstFailure ??= $"{(int)status}: {body[..Math.Min(400, body.Length)]}";
                }
            }
        }));
        var webPerSecond = sent / watch.Elapsed.TotalSeconds;
        if (failed > 0) results.Note($"Intake: {failed} submissions were not accepted, first: {firstFailure}");
        log.WriteLine($"  web form: {webPerSecond:N1} submissions/s ({sent} sent, {failed} failed)");

        var raw = await RawInsertsPerSecondAsync(site, duration);
        log.WriteLine($"  raw inserts: {raw:N0} transactions/s");
        results.Add("intake.web_per_s", "web-form submissions end to end (GET form + POST send)", webPerSecond, "submissions/s", true);
        results.Add("intake.raw_tx_per_s", $"raw one-row insert transactions ({site.Options.Provider})", raw, "tx/s", true);
        results.Add("intake.ratio", "web-form submissions / raw insert transactions", webPerSecond / raw, "ratio", true, "≥ 0.25", webPerSecond / raw >= 0.25);
        results.Note($"Intake: {workers} residents sending at once; raw inserts: one connection, one INSERT of a case-sized row per committed transaction (SQLite: WAL, synchronous FULL as the app).");
    }

    private static IEnumerable<(string, string)> Fields(int worker, int n) =>
    [
        ("Input.Kind", "Opinion"), ("Input.Route", "mayor"), ("Input.Subject", $"西新宿の放置自転車について（{worker}-{n}）"),
        ("Input.Body", "駅前に放置自転車が多く、歩くのが危険です。撤去をお願いします。"), ("Input.WantsAnswer", "true"),
        ("Input.AnswerMethod", "Email"), ("Input.Name", "新宿 花子"), ("Input.Email", $"bench{worker}-{n}@example.jp"),
        ("Input.PostalCode", "160-8484"), ("Input.Address", "東京都新宿区歌舞伎町1-4-1"), ("Input.Phone", "03-5273-4065"),
        ("Input.FormToken", Guid.NewGuid().ToString("N")), ("Input.Website", ""),
    ];

    /// <summary>The engine's own ceiling: one-row INSERT transactions on a table of its own, in the site's database.</summary>
    private static async Task<double> RawInsertsPerSecondAsync(BenchSite site, TimeSpan duration)
    {
        await using var connection = site.Options.IsPostgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(site.Options.PostgresConnection)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(site.Options.DataPath, "bench-raw.db") }.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, null, site.Options.IsPostgres ? "" : "PRAGMA journal_mode=WAL;");
        await Execute(connection, null, "DROP TABLE IF EXISTS bench_raw_cases");
        await Execute(connection, null, "CREATE TABLE bench_raw_cases (id VARCHAR(36) PRIMARY KEY, receipt VARCHAR(20) NOT NULL, subject VARCHAR(200), body TEXT, name TEXT, email TEXT, address TEXT, phone TEXT, received_at VARCHAR(40))");
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO bench_raw_cases VALUES (@id, @receipt, @subject, @body, @name, @email, @address, @phone, @at)";
            foreach (var (name, value) in new[]
            {
                ("id", Guid.NewGuid().ToString()), ("receipt", $"2026-{count:D6}"), ("subject", "西新宿の放置自転車について"),
                ("body", "駅前に放置自転車が多く、歩くのが危険です。撤去をお願いします。"), ("name", "新宿 花子"), ("email", "bench@example.jp"),
                ("address", "東京都新宿区歌舞伎町1-4-1"), ("phone", "03-5273-4065"), ("at", DateTime.UtcNow.ToString("O")),
            })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            count++;
        }
        var perSecond = count / watch.Elapsed.TotalSeconds;
        await Execute(connection, null, "DROP TABLE bench_raw_cases");
        return perSecond;
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string sql)
    {
        if (sql.Length == 0) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
