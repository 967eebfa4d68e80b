using System.CommandLine;
using System.Globalization;
using System.Text;
using Kocho.Core.Csv;
using Kocho.Core.Cli;
using Kocho.Core.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Opinions.Export;

/// <summary>
/// <c>export opinions --out FILE [--encoding utf-8|shift_jis] [--from D --to D --department CODE] [--with-personal-data]</c>:
/// the case list as CSV for Excel (issue #4 item 12). Bad arguments end with exit code 1 and one Japanese line.
/// </summary>
public sealed class OpinionsCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "出力するファイル（CSV）" };
        var encoding = new Option<string?>("--encoding") { Description = "文字コード: utf-8（BOM付き、既定）または shift_jis" };
        var from = new Option<string?>("--from") { Description = "受付日の開始（YYYY-MM-DD）" };
        var to = new Option<string?>("--to") { Description = "受付日の終了（YYYY-MM-DD）" };
        var department = new Option<string?>("--department") { Description = "この所属（課）に転送された意見等だけ（所属コード）" };
        var personal = new Option<bool>("--with-personal-data") { Description = "氏名・住所・電話・メール・内容・回答の列を含める（監査証跡に記録されます）" };
        var opinions = new Command("opinions", "意見等の一覧を CSV に出力します（1行に1件）") { output, encoding, from, to, department, personal };
        opinions.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path)) throw new CliException("出力するファイルを --out で指定してください。");
            var shiftJis = (parse.GetValue(encoding) ?? "utf-8").Trim().ToLowerInvariant() switch
            {
                "utf-8" or "utf8" => false,
                "shift_jis" or "shift-jis" or "sjis" or "cp932" => true,
                var other => throw new CliException($"文字コード「{other}」は使えません。utf-8 または shift_jis を指定してください。"),
            };
            var fromDate = ParseDate(parse.GetValue(from), "--from");
            var toDate = ParseDate(parse.GetValue(to), "--to");
            if (fromDate is not null && toDate is not null && fromDate > toDate) throw new CliException("--from には --to 以前の日付を指定してください。");
            Guid? departmentId = null;
            if (parse.GetValue(department) is { Length: > 0 } code)
            {
                var found = await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code.Trim(), token)
                    ?? throw new CliException($"所属コード {code} は登録されていません。");
                departmentId = found.Id;
            }
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder)) throw new CliException($"出力先のフォルダ {folder} がありません。");

            CaseExport.Result result;
            try
            {
                await using var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                result = await sp.GetRequiredService<CaseExport>().WriteAsync(stream,
                    new CaseExportOptions(fromDate, toDate, departmentId, parse.GetValue(personal), shiftJis), token);
            }
            catch (IOException ex)
            {
                throw new CliException($"ファイル {full} に書き込めません: {ex.Message}");
            }
            catch (UnauthorizedAccessException)
            {
                throw new CliException($"ファイル {full} に書き込む権限がありません。");
            }
            await runner.Output.WriteLineAsync($"意見等 {result.Rows} 件を {full} に出力しました。");
            if (result.ReplacedCharacters > 0)
            {
                await runner.Error.WriteLineAsync($"警告: Shift_JIS で表せない文字 {result.ReplacedCharacters} 文字を「{CsvTableWriter.Replacement}」に置き換えました。");
            }
            return 0;
        }, ct));
        return [new Command("export", "データの出力") { opinions }];
    }

    private static DateOnly? ParseDate(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} の日付「{value}」が正しくありません。YYYY-MM-DD の形で指定してください。");
    }
}
