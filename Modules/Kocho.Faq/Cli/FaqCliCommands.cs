using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Core.Csv;
using Kocho.Faq.Csv;
using Kocho.Faq.Entries;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Faq.Cli;

/// <summary>
/// <c>export faq --out FILE [--encoding utf-8|shift_jis]</c> (audited) and <c>import faq FILE [--publish] [--encoding …]</c>
/// (all or nothing; without <c>--publish</c> the entries wait for approval).
/// </summary>
public sealed class FaqCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var output = new Option<string>("--out") { Description = "出力するCSVファイル", Required = true };
        var exportEncoding = new Option<string?>("--encoding") { Description = "utf-8（BOM付き、既定）または shift_jis" };
        var export = new Command("faq", "FAQをCSVに出力します（最新の版、全件）") { output, exportEncoding };
        export.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            try
            {
                // As every CSV verb: what Shift_JIS cannot hold is written as 〓 and counted in a warning on stderr.
                var file = await sp.GetRequiredService<FaqCsvExport>().ExportAsync(Actor(), new FaqFilter(), parse.GetValue(exportEncoding), replaceUnencodable: true, token);
                return await CsvFileExport.WriteAsync(runner, parse.GetValue(output)!, "FAQ", async (stream, t) =>
                {
                    await stream.WriteAsync(file.Content, t);
                    return (file.Count, file.ReplacedCharacters);
                }, token);
            }
            catch (Exception ex) when (ex is FaqCsvException or ArgumentException)
            {
                throw new CliException(ex.Message);
            }
        }, ct));

        var file = new Argument<string>("FILE") { Description = "取り込むCSVファイル" };
        var publish = new Option<bool>("--publish") { Description = "承認なしで公開する（指定しないと承認待ちになります）" };
        var importEncoding = new Option<string?>("--encoding") { Description = "utf-8（既定）または shift_jis" };
        var import = new Command("faq", "CSVからFAQを取り込みます（1行でも誤りがあれば何も保存しません）") { file, publish, importEncoding };
        import.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"ファイル {path} が見つかりません。");
            try
            {
                var result = await sp.GetRequiredService<FaqCsvImport>().ImportAsync(await File.ReadAllBytesAsync(path, token), parse.GetValue(importEncoding), parse.GetValue(publish), Actor(), token);
                await runner.Output.WriteLineAsync($"取り込みました（新規 {result.Created} 件、更新 {result.Updated} 件、変更なし {result.Unchanged} 件）。{(result.Published ? "公開しました。" : "承認待ちです。")}");
                return 0;
            }
            catch (FaqCsvException ex)
            {
                foreach (var error in ex.Errors) await runner.Error.WriteLineAsync(error);
                throw new CliException($"取り込めませんでした（{ex.Errors.Count} 件の誤り、何も保存していません）。");
            }
        }, ct));
        return [new Command("export", "データをファイルに出力します") { export }, new Command("import", "データをファイルから取り込みます") { import }];
    }

    private static FaqActor Actor() => FaqActor.SystemActor("cli:" + Environment.UserName);
}
