using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy.Retention;

/// <summary>
/// <c>privacy purge [--dry-run]</c>: the retention purge now (under the same once-per-cluster lease as the nightly job);
/// <c>--dry-run</c> lists the cases it would erase and changes nothing.
/// </summary>
public sealed class PrivacyCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "消去の対象を一覧するだけで、何も変更しません" };
        var purge = new Command("purge", "保存期間を過ぎた意見等と廃止された利用者登録の個人情報を消去します（統計は残ります）") { dryRun };
        purge.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var dry = parse.GetValue(dryRun);
            var purger = sp.GetRequiredService<PrivacyPurge>();
            PurgeReport report;
            if (dry)
            {
                report = await purger.RunAsync(dryRun: true, token);
            }
            else
            {
                var leases = sp.GetRequiredService<JobLeases>();
                if (!await leases.TryAcquireAsync(PrivacyPurge.Job, TimeSpan.FromHours(2), token))
                    throw new CliException("ほかのノードで消去を実行中です。終わってからもう一度実行してください。");
                try
                {
                    report = await purger.RunAsync(dryRun: false, token);
                }
                catch
                {
                    await leases.ReleaseAsync(PrivacyPurge.Job, null, CancellationToken.None);
                    throw;
                }
                await leases.ReleaseAsync(PrivacyPurge.Job, "cli-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss"), CancellationToken.None);
            }
            foreach (var c in report.Cases)
            {
                await runner.Output.WriteLineAsync($"{c.ReceiptNumber}\t{(c.Reason == ErasureReason.Expired ? "保存期間経過" : "利用者登録の廃止")}\t{c.FinishedOn:yyyy-MM-dd}\t添付 {c.Attachments}");
            }
            await runner.Output.WriteLineAsync(dry
                ? $"消去の対象: 意見等 {report.Cases.Count} 件、添付ファイル {report.Attachments} 件（--dry-run のため何も変更していません）。"
                : $"意見等 {report.Cases.Count} 件の個人情報を消去しました（マスキング {report.MaskedItems} 箇所、添付ファイル {report.Attachments} 件、送信済みメール {report.Mails} 通、メールファイル {report.MailFiles} 件）。");
            return 0;
        }, ct));
        return [new Command("privacy", "個人情報保護") { purge }];
    }
}
