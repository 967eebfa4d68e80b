using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kocho.Portal;
using Microsoft.Extensions.Logging;

namespace Kocho.Bench;

/// <summary>
/// The migration's speed (the 100k import test only logs its time since #10): an old-system export written to CSV and
/// read by the <c>import legacy</c> verb on a fresh site — validation, one transaction, search indexing; rows/s.
/// </summary>
public static class LegacyImportBench
{
    public static async Task RunAsync(BenchOptions options, BenchResults results, TextWriter log)
    {
        var cases = options.IsSmoke ? 1000 : 5_000;
        var root = Path.Combine(options.DataPath, "..", $"legacy-{options.Size}-{options.Provider.ToLowerInvariant()}");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var export = Path.Combine(root, "export");
        var rows = Write(export, cases, faqs: cases / 10);
        var site = options with { DataPath = Path.GetFullPath(Path.Combine(root, "site")), Size = options.Size + "_legacy" };
        if (site.IsPostgres) await BenchSite.DropDatabaseAsync(site);
        await using (var setup = await BenchSite.StartAsync(site)) { }

        var args = new[] { "import", "legacy", "--dir", export, "--encoding", "utf-8" }.Concat(BenchSite.SiteArgs(site)).ToArray();
        var output = new StringWriter();
        int code;
        double seconds;
        await using (var app = KochoPortal.Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning)))
        {
            var watch = Stopwatch.StartNew();
            code = await KochoPortal.RunVerbAsync(app, args, output, output);
            seconds = watch.Elapsed.TotalSeconds;
        }
        if (code != 0) throw new InvalidOperationException("import legacy failed: " + output);
        log.WriteLine($"  legacy import: {cases:N0} cases ({rows:N0} rows) in {seconds:F1} s = {rows / seconds:N0} rows/s");
        results.Add("legacy.rows_per_s", $"import legacy of {cases:N0} cases (all four files: validation, one transaction, indexing)", rows / seconds, "rows/s", true);
        results.Add("legacy.cases_per_s", "import legacy: cases per second", cases / seconds, "cases/s", true);
        if (site.IsPostgres) await BenchSite.DropDatabaseAsync(site);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>SHOZOKU/FAQ/IKEN/RIREKI.csv in the old system's layout (UTF-8); returns the number of data rows.</summary>
    private static int Write(string directory, int cases, int faqs)
    {
        Directory.CreateDirectory(directory);
        var departments = new StringBuilder("所属コード,所属名,上位所属コード,廃止日\r\n").Append("B101,旧区民相談課,0100,\r\n");
        var faq = new StringBuilder("FAQ番号,大分類,中分類,質問,回答,担当課コード,担当課名,公開区分,登録日,更新日,閲覧数\r\n");
        for (var i = 0; i < faqs; i++)
        {
            var topic = DataGenerator.Topics[i % DataGenerator.Topics.Length];
            faq.Append(CultureInfo.InvariantCulture, $"{500_001 + i},くらし,ごみ・リサイクル,{topic.Subject}について（{i}）,{topic.Answer},0103,広聴担当課,公開,2014/04/01,2015/04/01,{i}\r\n");
        }
        string[] states = ["完了", "回答済", "完了", "回答不要", "処理中", "受付"];
        string[] channels = ["メール", "ホームページ", "電話", "一般投書", "コールセンター"];
        var iken = new StringBuilder("受付番号,受付日,受付媒体,種別,件名,内容,匿名,氏名,郵便番号,住所,電話番号,FAX番号,メールアドレス,主管課コード,関係課コード,状態,回答日,回答内容\r\n");
        var rireki = new StringBuilder("受付番号,処理日時,所属コード,処理区分,内容,担当者名\r\n");
        for (var i = 0; i < cases; i++)
        {
            var year = 2005 + i % 10;
            var receipt = $"{year}-{i / 10 + 1:D6}";
            var received = new DateOnly(year, 4, 1).AddDays(i * 37 % 360);
            var state = states[i % states.Length];
            var lead = state == "受付" ? "" : (i % 2 == 0 ? "0103" : "B101");
            var answered = state is "完了" or "回答済";
            var topic = DataGenerator.Topics[i % DataGenerator.Topics.Length];
            iken.Append(CultureInfo.InvariantCulture,
                $"{receipt},{received:yyyy/MM/dd},{channels[i % channels.Length]},意見,{topic.Subject}について,{topic.Body},0,新宿 花子{i},160-8484,新宿区歌舞伎町1-4-1,03-5273-{i % 10000:D4},,resident{i}@example.jp,{lead},,{state},{(answered ? received.AddDays(10).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) : "")},{(answered ? topic.Answer : "")}\r\n");
            rireki.Append(CultureInfo.InvariantCulture, $"{receipt},{received:yyyy/MM/dd} 09:00,{lead},受付,受付しました,広聴 一郎\r\n");
        }
        File.WriteAllText(Path.Combine(directory, "SHOZOKU.csv"), departments.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "FAQ.csv"), faq.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "IKEN.csv"), iken.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "RIREKI.csv"), rireki.ToString(), new UTF8Encoding(false));
        return 1 + faqs + cases * 2;
    }
}
