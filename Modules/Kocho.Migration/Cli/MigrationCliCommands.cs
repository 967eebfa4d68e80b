using System.CommandLine;
using System.Text;
using Kocho.Core.Cli;
using Kocho.Migration.Import;
using Kocho.Migration.Legacy;
using Kocho.Migration.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Migration.Cli;

/// <summary>
/// <c>import legacy --dir DIR [--encoding shift_jis|utf-8] [--dry-run] [--accept-rejects] [--report DIR]</c> and
/// <c>import legacy --verify DIR</c>: every file is checked before anything is written; a rejected row stops the import
/// unless <c>--accept-rejects</c>, and then the rejects go to CSV files in the report folder.
/// </summary>
public sealed class MigrationCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var dir = new Option<string?>("--dir") { Description = "旧システムのCSV（SHOZOKU.csv, FAQ.csv, IKEN.csv, RIREKI.csv）があるフォルダ" };
        var verify = new Option<string?>("--verify") { Description = "取り込んだ結果をこのフォルダのCSVと照合します（何も変更しません）" };
        var encoding = new Option<string?>("--encoding") { Description = "shift_jis（CP932、既定）または utf-8" };
        var dryRun = new Option<bool>("--dry-run") { Description = "検証だけ行い、何も変更しません（除外行があれば終了コード 1）" };
        var acceptRejects = new Option<bool>("--accept-rejects") { Description = "除外行があっても正常な行を取り込み、除外行をレポートフォルダにCSVで書き出します" };
        var report = new Option<string?>("--report") { Description = "レポートを書き出すフォルダ（既定: 取り込むフォルダの report）" };
        var legacy = new Command("legacy", "旧システムのデータを検証して1つのトランザクションで取り込みます（再実行しても二重に取り込みません）")
        {
            dir, verify, encoding, dryRun, acceptRejects, report,
        };
        legacy.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var verifyDir = parse.GetValue(verify);
            var source = verifyDir ?? parse.GetValue(dir) ?? throw new CliException("--dir（取り込み）か --verify（照合）でフォルダを指定してください。");
            if (!Directory.Exists(source)) throw new CliException($"フォルダ {source} が見つかりません。");
            var reportDir = parse.GetValue(report) ?? Path.Combine(source, "report");
            LegacyExport export;
            try
            {
                export = await sp.GetRequiredService<LegacyValidator>().ValidateAsync(source, LegacyEncodings.Parse(parse.GetValue(encoding)), token);
            }
            catch (LegacyFormatException ex)
            {
                throw new CliException(ex.Message + "（何も変更していません）");
            }
            await WriteReportAsync(runner.Output, export);

            if (verifyDir is not null)
            {
                var verification = await sp.GetRequiredService<LegacyVerifier>().VerifyAsync(export, token);
                foreach (var check in verification.Checks)
                {
                    await runner.Output.WriteLineAsync($"{(check.Passed ? "PASS" : "FAIL")}  {check.File} {check.Name}: {check.Detail}");
                }
                Directory.CreateDirectory(reportDir);
                var path = Path.Combine(reportDir, $"verification-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
                await File.WriteAllTextAsync(path, verification.ToMarkdown(source, export), new UTF8Encoding(false), token);
                await runner.Output.WriteLineAsync($"照合結果: {(verification.Passed ? "PASS" : "FAIL")}（{verification.Checks.Count(c => !c.Passed)} 件の不一致）。レポート: {path}");
                return verification.Passed ? 0 : 1;
            }
            if (parse.GetValue(dryRun))
            {
                await runner.Output.WriteLineAsync($"確認のみ（--dry-run）: 何も変更していません。除外 {export.RejectCount} 行。");
                return export.RejectCount == 0 ? 0 : 1;
            }
            if (export.RejectCount > 0 && !parse.GetValue(acceptRejects))
            {
                throw new CliException($"除外された行が {export.RejectCount} 行あるため、取り込みを中止しました（何も変更していません）。正常な行だけを取り込むには --accept-rejects を付けてください。");
            }
            if (export.RejectCount > 0)
            {
                Directory.CreateDirectory(reportDir);
                foreach (var (file, fileReport) in export.Reports.Where(r => r.Value.Rejects.Count > 0))
                {
                    var path = Path.Combine(reportDir, Path.GetFileNameWithoutExtension(file) + ".rejected.csv");
                    var csv = new StringBuilder(LegacyCsv.Line(new[] { "行", "理由" }.Concat(LegacyExport.Headers[file])));
                    foreach (var reject in fileReport.Rejects) csv.Append(LegacyCsv.Line(new[] { reject.Line.ToString(), reject.Reason }.Concat(reject.Fields)));
                    await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(true), token);
                    await runner.Output.WriteLineAsync($"{file} の除外行 {fileReport.Rejects.Count} 行を {path} に書き出しました。");
                }
            }
            var progress = new ConsoleProgress(runner.Output, ConsoleProgress.IsTerminal(runner.Output));
            var result = await sp.GetRequiredService<LegacyImporter>().ImportAsync(export, Path.GetFullPath(source), progress, token);
            foreach (var (file, (added, existing)) in result.Files)
            {
                await runner.Output.WriteLineAsync($"{file}: 新規 {added} 件、取込済み {existing} 件");
            }
            await runner.Output.WriteLineAsync(result.Added == 0
                ? "すべて取り込み済みです。何も変更しませんでした。"
                : $"取り込みました（新規 {result.Added} 件）。照合は import legacy --verify {source} で行えます。");
            return 0;
        }, ct));
        return [new Command("import", "データをファイルから取り込みます") { legacy }];
    }

    private static async Task WriteReportAsync(TextWriter output, LegacyExport export)
    {
        foreach (var report in export.Reports.Values)
        {
            await output.WriteLineAsync($"{report.File}: 読込 {report.RowsRead} 行、正常 {report.Valid} 行、除外 {report.Rejects.Count} 行");
            foreach (var reject in report.Rejects)
            {
                await output.WriteLineAsync($"  除外 {reject.File} {reject.Line}行目: {reject.Reason}");
            }
        }
    }
}
