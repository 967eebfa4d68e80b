using System.Net;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Reporting;
using Kocho.Faq.Data;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;
using Kocho.Reports.Data;
using Kocho.Reports.Statistics;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Reports;

/// <summary>
/// 統計 checked against a data set whose truth is known; department staff confined to their department on the pages
/// and in the CSV; CSV in both encodings; the personal-data permission and its audit record; the CLI verbs.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReportsTests(ReportsSite site) : IClassFixture<ReportsSite>
{
    private ReportFilter Filter(Guid? department = null) => new(site.From, site.Today, department, CategoryId: site.CategoryId);

    private string Query(Guid? department = null) =>
        $"from={site.From:yyyy-MM-dd}&to={site.Today:yyyy-MM-dd}&category={site.CategoryId}" + (department is { } d ? $"&department={d}" : "");

    [Fact]
    public async Task The_figures_are_those_of_the_data_set()
    {
        // Kept in step by Opinions' events before any rebuild.
        Assert.Equal(12, site.CountBeforeMove);
        var report = await site.Opinions.InScopeAsync(sp => sp.GetRequiredService<CaseStatistics>().ComputeAsync(Filter(), site.Today, CancellationToken.None));

        Assert.Equal(12, report.Total);
        Assert.Equal(3, report.PreviousTotal);
        Assert.Equal(3, report.Months.Sum(m => m.PreviousYear));
        Assert.Equal(12, report.Months.Sum(m => m.Count));
        // By 年度: the same cases, each counted in the 年度 of its 受付日, the year before beside it.
        Assert.Equal((12, 3), (report.Years.Sum(y => y.Count), report.Years.Sum(y => y.PreviousYear)));
        Assert.Equal(FiscalYears.Of(site.Today), report.Years[^1].FiscalYear);
        Assert.Equal(8, report.AnswerTimes.Answered);
        Assert.Equal(8.5, report.AnswerTimes.Median);
        Assert.Equal(20, report.AnswerTimes.Percentile90);
        Assert.Equal((8, 6), (report.AnswerTimes.WithDue, report.AnswerTimes.ByDue));
        Assert.Equal(0.75, report.AnswerTimes.ShareByDue);
        Assert.Equal(4, report.OpenNow);
        Assert.Equal(2, report.OverdueNow);

        var channels = report.Breakdowns.Single(b => b.Key == "channel").Rows;
        Assert.Equal([("一般投書", 5), ("メール", 4), ("電話", 3)], channels.Select(r => (r.Label, r.Count)).ToArray());
        var departments = report.Breakdowns.Single(b => b.Key == "department").Rows.ToDictionary(r => r.Label, r => r.Count);
        Assert.Equal(6, departments.Values.Max());
        Assert.Equal(1, departments["未転送"]);
        Assert.Equal(8, report.Breakdowns.Single(b => b.Key == "status").Rows.Single(r => r.Label == "回答済").Count);
        Assert.Equal(12, Assert.Single(report.Breakdowns.Single(b => b.Key == "category").Rows).Count);

        // One department: its own cases only, and the figures over them.
        var hoiku = await site.Opinions.InScopeAsync(sp => sp.GetRequiredService<CaseStatistics>().ComputeAsync(Filter(site.Hoiku), site.Today, CancellationToken.None));
        Assert.Equal(5, hoiku.Total);
        Assert.Equal(4, hoiku.AnswerTimes.Answered);
        Assert.Equal(7.5, hoiku.AnswerTimes.Median); // 2, 5, 10, 16
        Assert.Equal(1, hoiku.OverdueNow);
    }

    [Fact]
    public async Task The_roll_up_holds_no_personal_data_and_rebuilds_from_the_cases()
    {
        var terms = await site.Opinions.InScopeAsync(sp => sp.GetRequiredService<ReportsDbContext>().Terms.Select(t => t.Term).Distinct().ToListAsync());
        Assert.NotEmpty(terms);
        Assert.DoesNotContain(terms, t => t.Contains("一郎") || t.Contains("1234") || t.Contains("5678"));

        var (code, output, error) = await site.Host.RunVerbAsync("reports", "rebuild");
        Assert.True(code == 0, error);
        Assert.Contains("統計用の集計表を作り直しました", output);
        Assert.Contains("（100%）", output);
        var total = await site.Opinions.InScopeAsync(sp => sp.GetRequiredService<CaseStatistics>().Filtered(Filter()).CountAsync());
        Assert.Equal(12, total);
    }

    [Fact]
    public void Fiscal_years_show_the_japanese_era_beside_the_western_year()
    {
        Assert.Equal("2026年度（令和8年度）", FiscalYears.Label(2026));
        Assert.Equal("2019年度（令和元年度）", FiscalYears.Label(2019));
        Assert.Equal("2018年度（平成30年度）", FiscalYears.Label(2018));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), (FiscalYears.Start(2026), FiscalYears.End(2026)));
        Assert.Equal(2025, FiscalYears.Of(new DateOnly(2026, 3, 31)));
        // A period chosen by dates shows each day in 和暦 too, by the era the day falls in.
        Assert.Equal("2019年5月1日（令和元年5月1日）", FiscalYears.DateLabel(new DateOnly(2019, 5, 1)));
        Assert.Equal("2019年4月30日（平成31年4月30日）", FiscalYears.DateLabel(new DateOnly(2019, 4, 30)));
        Assert.Equal("1989年1月7日（昭和64年1月7日）", FiscalYears.DateLabel(new DateOnly(1989, 1, 7)));
    }

    [Fact]
    public async Task Department_staff_see_only_their_department_on_the_pages_and_in_the_csv()
    {
        using var staff = await site.Host.SignedInStaffAsync("hoiku.saito", PortalHost.DemoPassword);
        // Asking for another department changes nothing: the query is bound to their own.
        var statistics = await staff.GetStringAsync("/admin/reports?" + Query(site.Gomi));
        Assert.Contains("data-testid=\"figure-total\">5<", statistics);
        Assert.Contains("role=\"img\"", statistics);
        // The period in 西暦 and 和暦; each chart has a title and description for screen readers and its data table.
        Assert.Contains($"{FiscalYears.DateLabel(site.From)}〜{FiscalYears.DateLabel(site.Today)}", statistics);
        Assert.Contains("<title id=\"months-title\">", statistics);
        Assert.Contains("<desc id=\"months-desc\">", statistics);
        Assert.Contains("data-testid=\"table-months\"", statistics);
        Assert.Contains("data-testid=\"table-channel\"", statistics);
        Assert.Contains($"data-testid=\"year-{FiscalYears.Of(site.Today)}\"", statistics);
        Assert.Contains("@media print", await staff.GetStringAsync("/assets/Kocho.Reports/reports.css"));

        var analysis = await staff.GetStringAsync("/admin/reports/departments?" + Query(site.Gomi));
        Assert.All(site.HoikuReceipts, r => Assert.Contains(r, analysis));
        Assert.All(site.GomiReceipts, r => Assert.DoesNotContain(r, analysis));

        var csv = await DownloadAsync(staff, "opinions", site.Gomi);
        Assert.All(site.HoikuReceipts, r => Assert.Contains(r, csv));
        Assert.All(site.GomiReceipts, r => Assert.DoesNotContain(r, csv));

        // The public-hearing section chooses any department.
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var theirs = await section.GetStringAsync("/admin/reports/departments?" + Query(site.Gomi));
        Assert.All(site.GomiReceipts, r => Assert.Contains(r, theirs));
        Assert.All(site.HoikuReceipts, r => Assert.DoesNotContain(r, theirs));
        Assert.Contains("data-testid=\"figure-total\">12<", await section.GetStringAsync("/admin/reports?" + Query()));
    }

    [Fact]
    public async Task Personal_data_columns_need_their_permission_and_are_audited()
    {
        using var staff = await site.Host.SignedInStaffAsync("hoiku.saito", PortalHost.DemoPassword);
        var refused = await PostDownloadAsync(staff, "opinions", site.Hoiku, personal: true);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("個人情報を含むCSVを出力する権限がありません。", await refused.Content.ReadAsStringAsync());

        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var csv = Encoding.UTF8.GetString(await (await PostDownloadAsync(section, "opinions", site.Hoiku, personal: true)).Content.ReadAsByteArrayAsync());
        Assert.Contains("氏名", csv.Split("\r\n")[0]);
        Assert.Contains("新宿 一郎", csv);
        var plain = await DownloadAsync(section, "opinions", site.Hoiku);
        Assert.DoesNotContain("新宿 一郎", plain);

        var audited = await site.Opinions.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking()
            .Where(r => r.Action == "opinion.cases.exported.personal").OrderByDescending(r => r.Sequence).FirstOrDefaultAsync());
        Assert.NotNull(audited);
        Assert.Contains("山口", audited!.ActorName);
    }

    [Fact]
    public async Task Csv_reads_the_same_in_utf8_with_bom_and_in_shift_jis_and_counts_what_shift_jis_cannot_hold()
    {
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var utf8 = await (await PostDownloadAsync(section, "history", site.Hoiku)).Content.ReadAsByteArrayAsync();
        var sjis = await (await PostDownloadAsync(section, "history", site.Hoiku, shiftJis: true)).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], utf8[..3]);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var fromSjis = cp932.GetString(sjis);
        var fromUtf8 = Encoding.UTF8.GetString(utf8[3..]);
        Assert.Equal(fromUtf8, fromSjis);
        var lines = fromUtf8.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("受付番号,日時,処理,所属,担当者,訂正", lines[0]);
        Assert.All(site.HoikuReceipts, r => Assert.Contains(lines, l => l.StartsWith(r + ",", StringComparison.Ordinal)));

        // A character CP932 has no code for is written as 〓 and counted.
        await site.Opinions.InScopeAsync(async sp => await sp.GetRequiredService<IntakeService>().RegisterAsync(await site.Opinions.SectionAsync(), new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Opinion, Subject = "𠮷野さんの件", Body = "本文", Sender = SenderKind.Anonymous, AnswerMethod = AnswerMethod.None,
        }));
        var result = await site.Opinions.InScopeAsync(async sp =>
        {
            var opinions = sp.GetServices<IReportExport>().Single(e => e.Name == "opinions");
            using var stream = new MemoryStream();
            var r = await opinions.WriteAsync(stream, new ReportExportRequest(site.Today, site.Today, ShiftJis: true), CancellationToken.None);
            return (r, cp932.GetString(stream.ToArray()));
        });
        Assert.True(result.r.ReplacedCharacters >= 1);
        Assert.Contains("〓野さんの件", result.Item2);
        // The CLI says so too, on stderr, with the count.
        var opinionsFile = Path.Combine(site.Host.DataPath, "opinions-sjis.csv");
        var cli = await site.Host.RunVerbAsync("export", "opinions", "--out", opinionsFile, "--encoding", "shift_jis", "--from", $"{site.Today:yyyy-MM-dd}", "--to", $"{site.Today:yyyy-MM-dd}");
        Assert.True(cli.ExitCode == 0, cli.Error);
        // Progress as it goes, up to the last row.
        Assert.Matches(@"出力中… (\d+) / \1 件（100%）", cli.Output);
        Assert.Matches(@"警告: Shift_JIS で表せない文字 [1-9]\d* 文字を「〓」に置き換えました。", cli.Error);
        Assert.Contains("〓野さんの件", cp932.GetString(await File.ReadAllBytesAsync(opinionsFile)));

        var path = Path.Combine(site.Host.DataPath, "faq-stats.csv");
        var (code, output, error) = await site.Host.RunVerbAsync("export", "faq-stats", "--out", path, "--encoding", "shift_jis");
        Assert.True(code == 0, error);
        Assert.Contains("件を", output);
        Assert.StartsWith("区分,番号,質問・検索語,閲覧数,はい,いいえ", cp932.GetString(await File.ReadAllBytesAsync(path)));
        var (bad, _, message) = await site.Host.RunVerbAsync("export", "history", "--out", path, "--encoding", "latin1");
        Assert.Equal(1, bad);
        Assert.Contains("文字コード「latin1」は使えません", message);
    }

    [Fact]
    public async Task Faq_use_shows_views_helpfulness_and_suggestions_as_faq_counts_them()
    {
        var (views, helpful) = await site.Opinions.InScopeAsync(async sp =>
        {
            var faq = sp.GetRequiredService<FaqDbContext>();
            return (await faq.Entries.SumAsync(e => e.ViewCount), await faq.Entries.SumAsync(e => e.HelpfulCount));
        });
        using var admin = await site.Host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/reports/faq");
        Assert.Contains($"data-testid=\"faq-views\">{views}<", page);
        Assert.Contains($"data-testid=\"faq-helpful\">{helpful}<", page);
        Assert.Contains("data-testid=\"faq-entries\"", page);
        var bad = await admin.GetStringAsync("/admin/reports?from=2026-05-01&to=2026-04-01");
        Assert.Contains("期間が正しくありません", bad);
    }

    [Fact]
    public async Task A_csv_is_prepared_in_the_background_shows_the_shift_jis_warning_stays_encrypted_and_is_deleted_once_downloaded()
    {
        await site.Opinions.InScopeAsync(async sp => await sp.GetRequiredService<IntakeService>().RegisterAsync(await site.Opinions.SectionAsync(), new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Opinion, Subject = "𠮷田さんの準備の件", Body = "本文", Sender = SenderKind.Anonymous, AnswerMethod = AnswerMethod.None,
        }));
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);

        // A personal-data export without a reason is refused on the same page, nothing queued.
        var refused = await PrepareAsync(section, "opinions", null, personal: true, shiftJis: true, reason: "  ");
        Assert.Null(JobPath(refused));
        Assert.Contains("個人情報を含むCSVを出力する理由を200文字以内で入力してください。", await refused.Content.ReadAsStringAsync());

        var job = JobPath(await PrepareAsync(section, "opinions", null, personal: true, shiftJis: true, reason: "区議会の資料作成"));
        Assert.NotNull(job);
        var page = await ReadyAsync(section, job!);
        Assert.Contains("data-testid=\"export-replaced\"", page);
        Assert.Matches(@"Shift_JIS で表せない文字 \d+ 文字を「〓」に置き換えました", page);
        var id = Guid.Parse(job!.Split('/')[^1]);

        // Kept encrypted: neither encoding of a subject or a sender's name is in the stored chunks.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = Encoding.GetEncoding(932);
        var stored = await site.Opinions.InScopeAsync(async sp => await sp.GetRequiredService<ReportsDbContext>().PreparedExportChunks.AsNoTracking()
            .Where(c => c.ExportId == id).Select(c => c.Data).ToListAsync());
        Assert.NotEmpty(stored);
        var all = stored.SelectMany(b => b).ToArray();
        foreach (var clear in new[] { "新宿 一郎", "保育園の入園申込み" })
        {
            Assert.Equal(-1, all.AsSpan().IndexOf(cp932.GetBytes(clear)));
            Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(clear)));
        }

        // Only its owner sees it.
        using var other = await site.Host.SignedInStaffAsync("hoiku.saito", PortalHost.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job + "?handler=Download")).StatusCode);

        var download = await section.GetAsync(job + "?handler=Download");
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^opinions-sjis_kocho\.yamaguchi_\d{8}-\d{6}\.csv$", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var csv = cp932.GetString(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("〓田さんの準備の件", csv);
        Assert.Contains("新宿 一郎", csv);

        // Downloaded once, then gone.
        var (chunks, records) = await site.Opinions.InScopeAsync(async sp => (
            await sp.GetRequiredService<ReportsDbContext>().PreparedExportChunks.CountAsync(c => c.ExportId == id),
            await sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().Where(r => r.EntityId == id.ToString()).OrderBy(r => r.Sequence).ToListAsync()));
        Assert.Equal(0, chunks);
        Assert.Equal(["report.export.requested", "report.export.prepared", "report.export.downloaded"], records.Select(r => r.Action));
        Assert.Contains("reason=区議会の資料作成", records[0].Details);
        Assert.All(records, r => Assert.Contains("山口", r.ActorName));
        Assert.Contains("data-testid=\"export-gone\"", await section.GetStringAsync(job + "?handler=Download"));
    }

    [Fact]
    public async Task A_prepared_csv_not_downloaded_in_time_is_deleted_and_that_is_audited()
    {
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var job = JobPath(await PrepareAsync(section, "history", site.Hoiku, personal: false, shiftJis: false, reason: ""));
        Assert.NotNull(job);
        Assert.Contains("data-testid=\"export-file\"", await ReadyAsync(section, job!));
        var id = Guid.Parse(job!.Split('/')[^1]);

        var expired = await site.Opinions.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            await db.PreparedExports.Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            await sp.GetRequiredService<Kocho.Reports.Exports.PreparedExports>().ExpireAsync(CancellationToken.None);
            return (await db.PreparedExportChunks.CountAsync(c => c.ExportId == id),
                await sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().AnyAsync(r => r.EntityId == id.ToString() && r.Action == "report.export.expired"));
        });
        Assert.Equal((0, true), expired);
        Assert.Contains("data-testid=\"export-gone\"", await section.GetStringAsync(job));
    }

    [Fact]
    public void Words_counted_for_analysis_leave_out_those_written_only_in_hiragana()
    {
        var words = Kocho.Core.Search.Analysis.TextTerms.Words("保育園に入れてください。ｾﾝﾀｰに相談したいです");
        Assert.Contains("保育園", words);
        Assert.Contains("相談", words);
        // Katakana (here half-width) is kept, in the index's folded form.
        Assert.Contains("せんたー", words);
        Assert.DoesNotContain(words, w => w is "くだ" or "さい" or "ください" or "たい" or "てく" or "いです");
    }

    [Fact]
    public async Task Words_rising_in_a_departments_cases_come_from_the_search_analysis_and_lead_to_the_cases()
    {
        // Cases of a category of their own: last month two on 駐輪場 and two on 街灯, this month four on 駐輪場 and two on 街灯.
        var thisMonth = new DateOnly(site.Today.Year, site.Today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        const string parking = "駐輪場の放置自転車", light = "街灯の故障";
        var (category, receipts) = await site.Opinions.InScopeAsync(async sp =>
        {
            var core = sp.GetRequiredService<Kocho.Core.Data.CoreDbContext>();
            var c = new Kocho.Core.Categories.Category { Code = "ZZ-RISING", Name = "上昇語テスト用の分類", SortOrder = 998 };
            await sp.GetRequiredService<Kocho.Core.Data.UnitOfWork>().ExecuteAsync(async ct => { core.Categories.Add(c); await core.SaveChangesAsync(ct); });
            var section = await site.Opinions.SectionAsync();
            var numbers = new List<string>();
            foreach (var (subject, on) in new[] { (parking, lastMonth), (parking, lastMonth), (light, lastMonth), (light, lastMonth),
                         (parking, site.Today), (parking, site.Today), (parking, site.Today), (parking, site.Today), (light, site.Today), (light, site.Today) })
            {
                var r = await sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
                {
                    Channel = Channel.Letter, Kind = CaseKind.Opinion, Subject = subject, Body = subject, ReceivedOn = on,
                    Sender = SenderKind.Anonymous, AnswerMethod = AnswerMethod.None, CategoryIds = [c.Id],
                });
                if (subject == parking) numbers.Add(r.ReceiptNumber!);
            }
            return (c.Id, numbers);
        });

        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var query = $"from={lastMonth:yyyy-MM-dd}&to={site.Today:yyyy-MM-dd}&category={category}";
        var page = await section.GetStringAsync("/admin/reports/departments?" + query);
        var month = thisMonth.Year * 100 + thisMonth.Month;
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr data-testid=\"rising-{month}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        // The words are those the search index's analysis makes of the text; 街灯 did not rise (two in each month).
        var parkingWords = Kocho.Core.Search.Analysis.TextTerms.Words(parking);
        var lightWords = Kocho.Core.Search.Analysis.TextTerms.Words(light);
        Assert.NotEmpty(parkingWords);
        var shown = System.Text.RegularExpressions.Regex.Matches(row, "data-testid=\"term\">([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, w => Assert.Contains(w, parkingWords));
        Assert.DoesNotContain(shown, w => lightWords.Contains(w));
        Assert.Contains("（4件、前月2件）", row);

        // A word leads to the cases that hold it: the six on 駐輪場 of both months, none on 街灯.
        var cases = await section.GetStringAsync("/admin/reports/departments?" + query + "&term=" + Uri.EscapeDataString(shown[0]));
        Assert.Contains("data-testid=\"case-count\">6 件", cases);
        Assert.All(receipts, r => Assert.Contains(r, cases));
    }

    [Fact]
    public async Task Faq_entries_in_shift_jis_name_what_it_cannot_hold_on_the_cli_and_on_the_page_before_writing_it()
    {
        // An entry whose question holds 𠮷 (not in CP932), imported through the CLI like any other.
        var import = Path.Combine(site.Host.DataPath, "faq-new.csv");
        await File.WriteAllTextAsync(import, "id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分\r\n,戸籍・住民票・印鑑登録,印鑑登録,𠮷祥寺の住所を教えてください,戸籍住民課でお答えします。,0502,,公開\r\n", new UTF8Encoding(true));
        var imported = await site.Host.RunVerbAsync("import", "faq", import);
        Assert.True(imported.ExitCode == 0, imported.Error);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = Encoding.GetEncoding(932);
        var sjis = Path.Combine(site.Host.DataPath, "faq-sjis.csv");
        var cli = await site.Host.RunVerbAsync("export", "faq", "--out", sjis, "--encoding", "shift_jis");
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("警告: Shift_JIS で表せない文字 1 文字を「〓」に置き換えました。", cli.Error);
        Assert.Contains("〓祥寺の住所を教えてください", cp932.GetString(await File.ReadAllBytesAsync(sjis)));

        // The staff page asks first: the count, and a second button that writes 〓 all the same.
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var asked = await section.PostFormAsync("/admin/faq/csv", new() { ["Encoding"] = "shift_jis", ["Filter.Q"] = "" }, handler: "Export");
        Assert.Equal("text/html", asked.Content.Headers.ContentType?.MediaType);
        Assert.Contains("警告: Shift_JIS で表せない文字が 1 文字あります。", await asked.Content.ReadAsStringAsync());
        var file = await section.PostFormAsync("/admin/faq/csv", new() { ["Encoding"] = "shift_jis", ["Filter.Q"] = "", ["ReplaceUnencodable"] = "true" }, handler: "Export");
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("〓祥寺の住所を教えてください", cp932.GetString(await file.Content.ReadAsByteArrayAsync()));
        var wrong = await section.PostFormAsync("/admin/faq/csv", new() { ["Encoding"] = "latin1", ["Filter.Q"] = "" }, handler: "Export");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("文字コードは UTF-8 か Shift_JIS を選んでください。", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faq_use_groups_zero_hit_searches_by_query_and_counts_suggestions_shown_and_opened()
    {
        // A published entry (this site has none), imported through the CLI; the running site's index follows the change.
        var import = Path.Combine(site.Host.DataPath, "faq-published.csv");
        await File.WriteAllTextAsync(import, "id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分\r\n,戸籍・住民票・印鑑登録,印鑑登録,駐輪場の定期利用の申込み方法を教えてください,交通対策課でお答えします。,0502,,公開\r\n", new UTF8Encoding(true));
        var imported = await site.Host.RunVerbAsync("import", "faq", import, "--publish");
        Assert.True(imported.ExitCode == 0, imported.Error);

        using var admin = await site.Host.SignedInStaffAsync();
        var before = await admin.GetStringAsync("/admin/reports/faq");
        using var resident = site.Host.PublicClient();
        // The same search typed in full-width and half-width letters is one query.
        await resident.GetStringAsync("/faq/search?q=" + Uri.EscapeDataString("ｑｚｘｗｖｋ"));
        await resident.GetStringAsync("/faq/search?q=qzxwvk");
        // While typing an inquiry the resident is shown suggestions, and opens one.
        System.Text.Json.JsonElement items = default;
        for (var i = 0; i < 60 && items.ValueKind != System.Text.Json.JsonValueKind.Array; i++)
        {
            using var suggest = System.Text.Json.JsonDocument.Parse(await resident.GetStringAsync("/api/faq/suggest?q=" + Uri.EscapeDataString("駐輪場の定期利用")));
            var found = suggest.RootElement.GetProperty("items");
            if (found.GetArrayLength() > 0) items = found.Clone();
            else await Task.Delay(1000);
        }
        Assert.Equal(System.Text.Json.JsonValueKind.Array, items.ValueKind);
        await resident.GetStringAsync(items[0].GetProperty("url").GetString()!);

        var after = await admin.GetStringAsync("/admin/reports/faq");
        Assert.Matches("<tr data-testid=\"zero-hit-row\"><td>qzxwvk</td><td>2</td>", after);
        Assert.Equal(Figure(before, "faq-shown") + items.GetArrayLength(), Figure(after, "faq-shown"));
        Assert.Equal(Figure(before, "faq-opened") + 1, Figure(after, "faq-opened"));
    }

    private static int Figure(string html, string testId) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{testId}\">(\\d+)<").Groups[1].Value);

    /// <summary>The export page's form, then the background job's page until it is ready, then its download.</summary>
    private async Task<HttpResponseMessage> PostDownloadAsync(PortalClient client, string export, Guid department, bool personal = false, bool shiftJis = false,
        string reason = "区議会の資料作成")
    {
        var response = await PrepareAsync(client, export, department, personal, shiftJis, reason);
        if (JobPath(response) is not { } job) return response;
        await ReadyAsync(client, job);
        return await client.GetAsync(job + "?handler=Download");
    }

    private Task<HttpResponseMessage> PrepareAsync(PortalClient client, string export, Guid? department, bool personal, bool shiftJis, string reason) =>
        client.PostFormAsync("/admin/reports/exports", new()
        {
            ["export"] = export, ["from"] = site.From.ToString("yyyy-MM-dd"), ["to"] = site.Today.ToString("yyyy-MM-dd"), ["department"] = department?.ToString() ?? "",
            ["encoding"] = shiftJis ? "shift_jis" : "utf-8", ["personal"] = personal ? "true" : "false", ["reason"] = reason,
        }, formPage: $"/admin/reports/exports?export={export}&" + Query(department), handler: "Prepare");

    private static string? JobPath(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri?.AbsolutePath is { } path && System.Text.RegularExpressions.Regex.IsMatch(path, "^/admin/reports/exports/[0-9a-f-]{36}$") ? path : null;

    private static async Task<string> ReadyAsync(PortalClient client, string job)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(job + "?handler=Status")).RootElement.GetProperty("state").GetString();
            if (status is not ("queued" or "running")) return await client.GetStringAsync(job);
            await Task.Delay(100);
        }
        throw new TimeoutException("The export was not prepared within 30 seconds.");
    }

    private async Task<string> DownloadAsync(PortalClient client, string export, Guid department)
    {
        var response = await PostDownloadAsync(client, export, department);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }
}
