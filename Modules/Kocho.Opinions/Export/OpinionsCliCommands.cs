using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Core.Csv;
using Kocho.Core.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Opinions.Export;

/// <summary>
/// <c>export opinions --out FILE [--encoding utf-8|shift_jis] [--from D --to D --department CODE] [--with-personal-data --reason TEXT]</c>:
/// the case list as CSV for Excel (issue #4 item 12). Bad arguments end with exit code 1 and one Japanese line.
/// </summary>
public sealed class OpinionsCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "出力するファイル（CSV）またはフォルダ" };
        var encoding = new Option<string?>("--encoding") { Description = "文字コード: utf-8（BOM付き、既定）または shift_jis" };
        var from = new Option<string?>("--from") { Description = "受付日の開始（YYYY-MM-DD）" };
        var to = new Option<string?>("--to") { Description = "受付日の終了（YYYY-MM-DD）" };
        var department = new Option<string?>("--department") { Description = "この所属（課）に転送された意見等だけ（所属コード）" };
        var personal = new Option<bool>("--with-personal-data") { Description = "氏名・住所・電話・メール・内容・回答の列を含める（--reason が必要、監査証跡に記録されます）" };
        var reason = new Option<string?>("--reason") { Description = "個人情報を含めて出力する理由" };
        var opinions = new Command("opinions", "意見等の一覧を CSV に出力します（1行に1件）") { output, encoding, from, to, department, personal, reason };
        opinions.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path)) throw new CliException("出力するファイルを --out で指定してください。");
            var shiftJis = CsvFileExport.IsShiftJis(parse.GetValue(encoding));
            var fromDate = CsvFileExport.ParseDate(parse.GetValue(from), "--from");
            var toDate = CsvFileExport.ParseDate(parse.GetValue(to), "--to");
            if (fromDate is not null && toDate is not null && fromDate > toDate) throw new CliException("--from には --to 以前の日付を指定してください。");
            var withPersonal = parse.GetValue(personal);
            var why = CsvFileExport.Reason(parse.GetValue(reason), withPersonal);
            Guid? departmentId = null;
            if (parse.GetValue(department) is { Length: > 0 } code)
            {
                var found = await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code.Trim(), token)
                    ?? throw new CliException($"所属コード {code} は登録されていません。");
                departmentId = found.Id;
            }
            var file = CsvFileExport.PathFor(path, "opinions", withPersonal, "cli-" + Environment.UserName, sp.GetRequiredService<TimeProvider>().GetUtcNow());
            var total = await sp.GetRequiredService<CaseExport>().CountAsync(new CaseExportOptions(fromDate, toDate, departmentId, withPersonal, shiftJis, why), token);
            await runner.Output.WriteLineAsync($"{total} 件を出力します…");
            return await CsvFileExport.WriteAsync(runner, file, "意見等", async (stream, t) =>
            {
                var result = await sp.GetRequiredService<CaseExport>().WriteAsync(stream,
                    new CaseExportOptions(fromDate, toDate, departmentId, withPersonal, shiftJis, why), t);
                return (result.Rows, result.ReplacedCharacters);
            }, token, total);
        }, ct));
        return [new Command("export", "データの出力") { opinions }];
    }
}
