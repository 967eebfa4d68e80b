using System.CommandLine;
using System.Globalization;
using Kocho.Alerts.Rules;
using Kocho.Alerts.Scans;
using Kocho.Core.Calendar;
using Kocho.Core.Cli;
using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Alerts.Cli;

/// <summary><c>alerts scan [--date YYYY-MM-DD]</c> and <c>alerts digest [--date YYYY-MM-DD]</c>: the morning jobs on demand.</summary>
public sealed class AlertsCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var scanDate = new Option<string?>("--date") { Description = "対象の日付（YYYY-MM-DD、省略時は今日）" };
        var scan = new Command("scan", "回答期限・期限超過・未転送・FAQ見直しのアラートを今すぐ判定して送ります") { scanDate };
        scan.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var date = await BusinessDateAsync(sp, parse.GetValue(scanDate), token);
            var counts = await sp.GetRequiredService<AlertJobs>().ScanNowAsync(date, token)
                ?? throw new CliException("別のノードでアラートのスキャンを実行中です。しばらくしてからやり直してください。");
            await runner.Output.WriteLineAsync($"{date:yyyy-MM-dd}: アラート {counts.Values.Sum()} 件");
            foreach (var (kind, count) in counts.OrderBy(c => c.Key))
            {
                await runner.Output.WriteLineAsync($"{kind},{AlertKinds.Label(kind)},{count}");
            }
            return 0;
        }, ct));

        var digestDate = new Option<string?>("--date") { Description = "対象の日付（YYYY-MM-DD、省略時は今日）" };
        var digest = new Command("digest", "まとめて受け取る設定のアラートのまとめメールを今すぐ送ります") { digestDate };
        digest.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var date = await BusinessDateAsync(sp, parse.GetValue(digestDate), token);
            var sent = await sp.GetRequiredService<Delivery.AlertDigest>().SendAsync(date, token);
            await runner.Output.WriteLineAsync($"{date:yyyy-MM-dd}: まとめメール {sent} 通");
            return 0;
        }, ct));

        return [new Command("alerts", "担当課あてアラート") { scan, digest }];
    }

    private static async Task<DateOnly> BusinessDateAsync(IServiceProvider services, string? value, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<EnabledModules>().IsEnabled(Delivery.AlertRaiser.ModuleId))
        {
            throw new CliException("アラート機能（Kocho.Alerts）が有効になっていません。modules enable Kocho.Alerts で有効にしてください。");
        }
        var date = JapanTime.Today(services.GetRequiredService<TimeProvider>());
        if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw new CliException("日付は YYYY-MM-DD の形で指定してください（例: 2026-12-01）。");
        }
        var calendar = await services.GetRequiredService<BusinessCalendarService>().LoadAsync(cancellationToken);
        if (!calendar.IsBusinessDay(date))
        {
            throw new CliException($"{date:yyyy-MM-dd} は開庁日ではありません（{calendar.ClosedReason(date)}）。開庁日を指定してください。");
        }
        return date;
    }
}
