using System.CommandLine;
using System.Globalization;
using System.Text;
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
        var output = new Option<string?>("--out") { Description = "出力するファイル（CSV）" };
        var encoding = new Option<string?>("--encoding") { Description = "文字コード: utf-8（BOM付き、既定）または shift_jis" };
        var from = new Option<string?>("--from") { Description = "開始日（YYYY-MM-DD）" };
        var to = new Option<string?>("--to") { Description = "終了日（YYYY-MM-DD）" };
        var department = new Option<string?>("--department") { Description = "この所属（課）に転送された意見等だけ（所属コード）" };
        var personal = new Option<bool>("--with-personal-data") { Description = "個人情報を含む列（処理の内容）を含める（監査証跡に記録されます）" };
        var command = new Command(name, description) { output, encoding };
        if (filters)
        {
            command.Options.Add(from);
            command.Options.Add(to);
            command.Options.Add(department);
            command.Options.Add(personal);
        }
        command.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path)) throw new CliException("出力するファイルを --out で指定してください。");
            var shiftJis = (parse.GetValue(encoding) ?? "utf-8").Trim().ToLowerInvariant() switch
            {
                "utf-8" or "utf8" => false,
                "shift_jis" or "shift-jis" or "sjis" or "cp932" => true,
                var other => throw new CliException($"文字コード「{other}」は使えません。utf-8 または shift_jis を指定してください。"),
            };
            var request = new ReportExportRequest(ShiftJis: shiftJis);
            if (filters)
            {
                var fromDate = ParseDate(parse.GetValue(from), "--from");
                var toDate = ParseDate(parse.GetValue(to), "--to");
                if (fromDate is not null && toDate is not null && fromDate > toDate) throw new CliException("--from には --to 以前の日付を指定してください。");
                Guid? departmentId = null;
                if (parse.GetValue(department) is { Length: > 0 } code)
                {
                    departmentId = (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code.Trim(), token)
                        ?? throw new CliException($"所属コード {code} は登録されていません。")).Id;
                }
                request = request with { From = fromDate, To = toDate, DepartmentId = departmentId, WithPersonalData = parse.GetValue(personal) };
            }
            var export = sp.GetServices<IReportExport>().FirstOrDefault(e => e.Name == name)
                ?? throw new CliException($"出力「{name}」は、そのモジュールが有効でないため使えません。");
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder)) throw new CliException($"出力先のフォルダ {folder} がありません。");
            var total = await export.CountAsync(request, token);
            await runner.Output.WriteLineAsync($"{total} 件を出力します…");
            ReportExportResult result;
            try
            {
                await using var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                result = await export.WriteAsync(stream, request, token);
            }
            catch (IOException ex)
            {
                throw new CliException($"ファイル {full} に書き込めません: {ex.Message}");
            }
            catch (UnauthorizedAccessException)
            {
                throw new CliException($"ファイル {full} に書き込む権限がありません。");
            }
            await runner.Output.WriteLineAsync($"{export.Title} {result.Rows} 件を {full} に出力しました。");
            if (result.ReplacedCharacters > 0)
            {
                await runner.Error.WriteLineAsync($"警告: Shift_JIS で表せない文字 {result.ReplacedCharacters} 文字を「{CsvTableWriter.Replacement}」に置き換えました。");
            }
            return 0;
        }, ct));
        return command;
    }

    private static DateOnly? ParseDate(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} の日付「{value}」が正しくありません。YYYY-MM-DD の形で指定してください。");
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lines could come after the last one).</summary>
    private sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
