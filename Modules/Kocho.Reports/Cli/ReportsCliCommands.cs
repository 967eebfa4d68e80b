using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Core.Csv;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Reports.Facts;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Reports.Cli;

/// <summary>
/// <c>reports rebuild</c> (the roll-up again from every case, with a progress line), <c>export history</c> and
/// <c>export faq-stats</c> (CSV for Excel, UTF-8 with BOM or Shift_JIS; a warning counts characters Shift_JIS could not hold).
/// </summary>
public sealed class ReportsCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var rebuild = new Command("rebuild", "統計用の集計表を、すべての意見等から作り直します");
        rebuild.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var last = -1;
            var progress = new SyncProgress(p =>
            {
                var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                if (percent == last) return;
                last = percent;
                runner.Output.WriteLine($"集計中… {p.Done} / {p.Total} 件（{percent}%）");
            });
            var count = await sp.GetRequiredService<CaseFactWriter>().RebuildAsync(progress, token);
            await runner.Output.WriteLineAsync($"統計用の集計表を作り直しました（意見等 {count} 件）。");
            return 0;
        }, ct));
        return
        [
            new Command("reports", "統計・分析") { rebuild },
            new Command("export", "データの出力") { ExportCommand(runner, "history", "処理履歴を CSV に出力します（1行に1件）", true), ExportCommand(runner, "faq-stats", "FAQの利用統計（閲覧数、役に立った はい/いいえ、候補、0件の検索語）を CSV に出力します", false) },
        ];
    }

    private static Command ExportCommand(CliRunner runner, string name, string description, bool filters)
    {
        var output = new Option<string?>("--out") { Description = "出力するファイル（CSV）またはフォルダ" };
        var encoding = new Option<string?>("--encoding") { Description = "文字コード: utf-8（BOM付き、既定）または shift_jis" };
        var from = new Option<string?>("--from") { Description = "開始日（YYYY-MM-DD）" };
        var to = new Option<string?>("--to") { Description = "終了日（YYYY-MM-DD）" };
        var department = new Option<string?>("--department") { Description = "この所属（課）に転送された意見等だけ（所属コード）" };
        var personal = new Option<bool>("--with-personal-data") { Description = "個人情報を含む列（処理の内容）を含める（--reason が必要、監査証跡に記録されます）" };
        var reason = new Option<string?>("--reason") { Description = "個人情報を含めて出力する理由" };
        var command = new Command(name, description) { output, encoding };
        if (filters)
        {
            command.Options.Add(from);
            command.Options.Add(to);
            command.Options.Add(department);
            command.Options.Add(personal);
            command.Options.Add(reason);
        }
        command.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path)) throw new CliException("出力するファイルを --out で指定してください。");
            var request = new ReportExportRequest(ShiftJis: CsvFileExport.IsShiftJis(parse.GetValue(encoding)));
            if (filters)
            {
                var fromDate = CsvFileExport.ParseDate(parse.GetValue(from), "--from");
                var toDate = CsvFileExport.ParseDate(parse.GetValue(to), "--to");
                if (fromDate is not null && toDate is not null && fromDate > toDate) throw new CliException("--from には --to 以前の日付を指定してください。");
                var withPersonal = parse.GetValue(personal);
                var why = CsvFileExport.Reason(parse.GetValue(reason), withPersonal);
                Guid? departmentId = null;
                if (parse.GetValue(department) is { Length: > 0 } code)
                {
                    departmentId = (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code.Trim(), token)
                        ?? throw new CliException($"所属コード {code} は登録されていません。")).Id;
                }
                request = request with { From = fromDate, To = toDate, DepartmentId = departmentId, WithPersonalData = withPersonal, Reason = why };
            }
            var export = sp.GetServices<IReportExport>().FirstOrDefault(e => e.Name == name)
                ?? throw new CliException($"出力「{name}」は、そのモジュールが有効でないため使えません。");
            var file = CsvFileExport.PathFor(path, name, request.WithPersonalData, "cli-" + Environment.UserName, sp.GetRequiredService<TimeProvider>().GetUtcNow());
            var total = await export.CountAsync(request, token);
            await runner.Output.WriteLineAsync($"{total} 件を出力します…");
            return await CsvFileExport.WriteAsync(runner, file, export.Title, async (stream, t) =>
            {
                var result = await export.WriteAsync(stream, request, t);
                return (result.Rows, result.ReplacedCharacters);
            }, token, total);
        }, ct));
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lines could come after the last one).</summary>
    private sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
