using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Migration.Import;
using Kocho.Migration.Legacy;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.History;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Migration;

/// <summary>
/// <c>import legacy</c> on the command line: a clean Shift_JIS export imported once, verified PASS and FAIL after a change in
/// the database; a UTF-8 export with every kind of broken row refused as a whole, rolled back on a failure, then accepted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LegacyImportTests(LegacyImportFixture site) : IClassFixture<LegacyImportFixture>
{
    // A switch without a value goes before a valued option: the host's configuration would take the next argument
    // (the test host's --Kocho:DataPath=…) as the switch's value.
    [Fact]
    public async Task A_clean_Shift_JIS_export_is_imported_once_keeps_its_keys_and_verifies_PASS_until_a_case_is_altered()
    {
        var export = new LegacyExportGenerator { Prefix = "L1", FirstFaqNumber = 90001, FirstFiscalYear = 2013, FiscalYears = 8, CaseCount = 36 }.Generate();
        var dir = site.Folder("legacy-clean");
        export.Write(dir, LegacyEncodings.ShiftJis);

        var (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--dry-run", "--dir", dir);
        Assert.True(code == 0, output + error);
        Assert.Contains("IKEN.csv: 読込 36 行、正常 36 行、除外 0 行", output);
        Assert.Contains("RIREKI.csv: 読込 " + export.History.Count + " 行", output);
        Assert.Contains("何も変更していません", output);
        Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Departments.AnyAsync(d => d.Code == "L100")));

        (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--dir", dir);
        Assert.True(code == 0, output + error);
        Assert.Contains("SHOZOKU.csv: 新規 5 件", output);
        Assert.Contains("FAQ.csv: 新規 12 件", output);
        Assert.Contains("IKEN.csv: 新規 36 件", output);
        Assert.Contains($"RIREKI.csv: 新規 {export.History.Count} 件", output);
        Assert.Contains("IKEN.csv: 36 件を書き込みました。", output); // not a terminal: plain lines, no progress bar

        // The running portal finds what the command line imported: the import's transaction asked every node to rebuild.
        var search = site.Host.Service<ISearchService>();
        var firstCase = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking().Where(c => c.ReceiptNumber == "2013-000001").Select(c => c.Id).SingleAsync());
        for (var waited = 0; ; waited++)
        {
            var faqFound = (await search.SearchAsync("faq", new SearchQuery { Text = "粗大ごみの出し方", Take = 100, Highlight = false })).Hits.Any(h => h.Id == "90002");
            var caseFound = (await search.SearchAsync("cases", new SearchQuery { Text = "駐輪場について", Take = 1000, Highlight = false })).Hits.Any(h => h.Id == firstCase.ToString());
            if (faqFound && caseFound) break;
            Assert.True(waited < 300, $"after 30 s the portal's search found the imported FAQ entry: {faqFound}, the imported case: {caseFound}");
            await Task.Delay(100);
        }

        await site.InScopeAsync(async sp =>
        {
            var departments = await sp.GetRequiredService<CoreDbContext>().Departments.AsNoTracking().ToListAsync();
            var byCode = departments.ToDictionary(d => d.Code);
            Assert.Equal(new DateOnly(2019, 3, 31), byCode["L102"].ValidTo);
            Assert.False(byCode["L102"].IsActiveOn(new DateOnly(2019, 4, 1)));
            Assert.Equal(new DateOnly(1988, 3, 31), byCode["L103"].ValidTo);
            Assert.Equal(byCode["0100"].Id, byCode["L103"].ParentId);
            Assert.Equal(DepartmentLevel.Unit, byCode["L10101"].Level);
            Assert.Equal("①窓口係", byCode["L10101"].Name);
            Assert.Null(byCode["L101"].ValidTo);

            var faq = sp.GetRequiredService<FaqDbContext>();
            var entries = await faq.Entries.AsNoTracking().Where(e => e.Number >= 90001 && e.Number <= 90012).ToDictionaryAsync(e => e.Number);
            Assert.NotNull(entries[90001].LiveVersionId);
            Assert.Null(entries[90003].PublishedVersionId); // 非公開
            Assert.Null(entries[90003].LiveVersionId);
            Assert.Equal(7, entries[90002].ViewCount);
            Assert.Equal(new DateOnly(2012, 4, 1), DateOnly.FromDateTime(Kocho.Core.Calendar.JapanTime.ToJst(entries[90001].CreatedAt)));
            var versions = await faq.Versions.AsNoTracking().Where(v => entries.Values.Select(e => e.Id).Contains(v.EntryId)).ToListAsync();
            Assert.Equal(FaqVersionStatus.Unpublished, versions.Single(v => v.EntryId == entries[90003].Id).Status);
            var second = versions.Single(v => v.EntryId == entries[90002].Id);
            Assert.Equal(FaqVisibility.Internal, second.Visibility);
            Assert.Equal(FaqVersionStatus.Published, second.Status);
            Assert.Equal("①粗大ごみの出し方は？（第2問、㈱の場合）", second.Question);
            Assert.Equal("髙田馬場の「\"清掃事務所\"」へ、電話でお申し込みください。\n﨑の字もそのままです, 第2問。", second.Answer);

            var db = sp.GetRequiredService<OpinionsDbContext>();
            var first = await db.Cases.AsNoTracking().SingleAsync(c => c.ReceiptNumber == "2013-000001");
            Assert.Equal("①駐輪場について、㈱0号", first.Subject);
            Assert.Equal("髙﨑 花子0", first.ContactName);
            Assert.Equal(CaseStatus.Received, first.Status);
            Assert.Equal(Channel.Letter, first.Channel);
            var answered = await db.Cases.AsNoTracking().SingleAsync(c => c.ReceiptNumber == "2016-000001"); // i = 3: 回答済, anonymous
            Assert.Equal(CaseStatus.Answered, answered.Status);
            Assert.Equal(SenderKind.Anonymous, answered.Sender);
            Assert.Null(answered.ContactName);
            Assert.Equal("ご意見ありがとうございます。\n対応しました, 第3号（①）。", (await db.Answers.AsNoTracking().SingleAsync(a => a.CaseId == answered.Id)).Text);
            var history = await db.History.AsNoTracking().Where(h => h.CaseId == answered.Id).OrderBy(h => h.At).ToListAsync();
            Assert.Equal([HistoryAction.Received, HistoryAction.Forwarded, HistoryAction.Call, HistoryAction.AnswerSent], history.Select(h => h.Action));
            Assert.Equal("主管課へ転送\n（至急）", history[1].Note);

            // The counter moved past the imported numbers: the next case of fiscal 2013 is number 6, not 1.
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            Assert.Equal(6, await unitOfWork.ExecuteAsync(ct => ReceiptNumbers.NextAsync(db, 2013, ct)));

            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"ContactName\" FROM opinion_cases WHERE \"ReceiptNumber\" = '2013-000001'";
            Assert.DoesNotContain("花子", (string)(await command.ExecuteScalarAsync())!);

            var audit = await sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().Where(r => r.Action == "migration.legacy.imported").ToListAsync();
            Assert.Single(audit, r => r.EntityId!.EndsWith("legacy-clean", StringComparison.Ordinal));
            return true;
        });

        (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--dir", dir);
        Assert.True(code == 0, output + error);
        Assert.Contains("IKEN.csv: 新規 0 件、取込済み 36 件", output);
        Assert.Contains("すべて取り込み済みです。何も変更しませんでした。", output);
        Assert.Equal(36, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.FiscalYear >= 2013 && c.FiscalYear <= 2020)));

        (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--verify", dir);
        Assert.True(code == 0, output + error);
        Assert.Contains("PASS  IKEN.csv 件数", output);
        Assert.Contains("PASS  RIREKI.csv 内容のチェックサム", output);
        Assert.Contains("照合結果: PASS", output);
        var report = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(dir, "report"), "verification-*.md").Single());
        Assert.Contains("結果: **PASS**", report);
        Assert.Contains("| ①駐輪場について、㈱0号 | ①駐輪場について、㈱0号 | ○ |", report);
        Assert.DoesNotContain("花子", report); // personal values are not copied into the report

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpinionsDbContext>();
            var changed = await db.Cases.SingleAsync(c => c.ReceiptNumber == "2014-000001");
            changed.Subject = "書き換えた件名";
            changed.ContactPhone = "03-0000-0000";
            return await db.SaveChangesAsync();
        });
        (code, output, _) = await site.Host.RunVerbAsync("import", "legacy", "--verify", dir);
        Assert.Equal(1, code);
        Assert.Contains("FAIL  IKEN.csv 件名のチェックサム", output);
        Assert.Contains("2014-000001", output);
        Assert.Contains("FAIL  IKEN.csv 電話番号のチェックサム", output);
        Assert.Contains("PASS  IKEN.csv 内容のチェックサム", output);
        Assert.Contains("PASS  FAQ.csv 回答のチェックサム", output);
        Assert.Contains("照合結果: FAIL", output);
    }

    [Fact]
    public async Task Broken_rows_stop_the_whole_UTF8_import_and_accepted_rejects_go_to_the_report_folder()
    {
        var export = new LegacyExportGenerator { Prefix = "L2", FirstFaqNumber = 92001, FirstFiscalYear = 2021, FiscalYears = 2, CaseCount = 12 }.Generate();
        string[] Case(string receipt, string received, string channel, string lead, string state) =>
            [receipt, received, channel, "意見", "件名", "内容", "0", "氏名", "", "", "", "", "", lead, "", state, "", ""];
        export.Cases.Add(Case("2021-000901", "2021/02/30", "メール", "L201", "処理中"));
        export.Cases.Add(Case("2021-000902", "平成31年5月1日", "メール", "L201", "処理中"));
        export.Cases.Add(Case("2021-000903", "2021/05/01", "メール", "9999", "処理中"));
        export.Cases.Add(Case("2021-000904", "2021/05/01", "伝書鳩", "L201", "処理中"));
        export.Cases.Add(Case("2021-000905", "2021/05/01", "メール", "L201", "保留"));
        export.RawLines["IKEN.csv"] = ["2021-000906,2021/05/01,メール,意見"];
        export.Faqs.Add(["92999", "", "", "質問", "回答", "ZZ99", "", "公開", "2021/04/01", "2021/04/02", "0"]);
        export.Departments.Add(["L299", "迷子課", "NOPE", ""]);
        export.History.Add(["2021-000888", "2021/05/01 10:00", "", "メモ", "", "担当"]);
        export.History.Add(["2021-000901", "2021/05/01 10:00", "", "メモ", "", "担当"]);
        var dir = site.Folder("legacy-broken");
        export.Write(dir, new UTF8Encoding(true));
        int LineOf(string file, string start)
        {
            var text = File.ReadAllText(Path.Combine(dir, file));
            return text[..text.IndexOf("\r\n" + start, StringComparison.Ordinal)].Split("\r\n").Length + 1;
        }

        var (code, output, _) = await site.Host.RunVerbAsync("import", "legacy", "--dry-run", "--dir", dir, "--encoding", "utf-8");
        Assert.Equal(1, code);
        Assert.Contains("IKEN.csv: 読込 18 行、正常 12 行、除外 6 行", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000901")}行目: 受付日: 日付「2021/02/30」は存在しない日付です。", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000902")}行目: 受付日: 日付「平成31年5月1日」は平成の期間", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000903")}行目: 所属コード「9999」がSHOZOKU.csvにもシステムにもありません。", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000904")}行目: 受付媒体「伝書鳩」は旧システムの区分にありません。", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000905")}行目: 状態「保留」は旧システムの区分にありません。", output);
        Assert.Contains($"除外 IKEN.csv {LineOf("IKEN.csv", "2021-000906")}行目: 列の数が 4 です（18 列のはずです）。", output);
        Assert.Contains($"除外 FAQ.csv {LineOf("FAQ.csv", "92999")}行目: 担当課コード「ZZ99」がSHOZOKU.csvにもシステムにもありません。", output);
        Assert.Contains("除外 SHOZOKU.csv 7行目: 上位所属コード NOPE がSHOZOKU.csvにもシステムにもありません。", output);
        Assert.Contains("受付番号 2021-000888 の意見等がIKEN.csvにもシステムにもありません。", output);
        Assert.Contains("受付番号 2021-000901 の意見等の行が取り込めないため、この履歴も取り込めません。", output);

        (code, _, var error) = await site.Host.RunVerbAsync("import", "legacy", "--dir", dir, "--encoding", "utf-8");
        Assert.Equal(1, code);
        Assert.Contains("除外された行が 10 行あるため、取り込みを中止しました（何も変更していません）。", error);
        await AssertNothingOfL2Async();

        (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--accept-rejects", "--dir", dir, "--encoding", "utf-8");
        Assert.True(code == 0, output + error);
        Assert.True(output.Contains("IKEN.csv: 新規 12 件"), output);
        var rejects = await File.ReadAllTextAsync(Path.Combine(dir, "report", "IKEN.rejected.csv"));
        Assert.StartsWith("\uFEFF行,理由,受付番号,受付日", rejects);
        Assert.Contains($"{LineOf("IKEN.csv", "2021-000904")},受付媒体「伝書鳩」は旧システムの区分にありません。,2021-000904,2021/05/01,伝書鳩", rejects);
        Assert.True(File.Exists(Path.Combine(dir, "report", "RIREKI.rejected.csv")));
        var years = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.GroupBy(c => c.FiscalYear).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.True(12 == years.Where(y => y.Key is 2021 or 2022).Sum(y => y.Count), string.Join(", ", years.Select(y => $"{y.Key}: {y.Count}")) + output);

        (code, output, error) = await site.Host.RunVerbAsync("import", "legacy", "--verify", dir, "--encoding", "utf-8", "--report", Path.Combine(dir, "verify"));
        Assert.True(code == 0, output + error);
        Assert.Contains("照合結果: PASS", output);
        var report = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(dir, "verify"), "*.md").Single());
        Assert.Contains("受付媒体「伝書鳩」は旧システムの区分にありません。", report);
    }

    [Fact]
    public async Task A_failure_while_writing_rolls_the_whole_import_back()
    {
        // A site of its own: the failure happens inside this test process, and no other story shares its database.
        await using var host = await PortalHost.CreateAsync();
        var dir = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(host.DataPath, "legacy-failing"));
        new LegacyExportGenerator { Prefix = "L3", FirstFaqNumber = 93001, FirstFiscalYear = 2023, FiscalYears = 1, CaseCount = 6, FaqCount = 3 }.Generate().Write(dir, LegacyEncodings.ShiftJis);
        Assert.Equal(0, (await host.RunVerbAsync("import", "legacy", "--dry-run", "--dir", dir)).ExitCode);

        await using var app = host.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var validated = await scope.ServiceProvider.GetRequiredService<LegacyValidator>().ValidateAsync(dir, LegacyEncodings.ShiftJis, default);
            // Departments and FAQ entries are written by then; the failure comes while the cases are written.
            var failure = await Assert.ThrowsAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<LegacyImporter>().ImportAsync(validated, dir, new FailingProgress("IKEN.csv"), default));
            Assert.Equal("disk full", failure.Message);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Departments.AnyAsync(d => d.Code.StartsWith("L3")));
            Assert.False(await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Entries.AnyAsync(e => e.Number >= 93001));
            Assert.False(await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.AnyAsync());
            Assert.False(await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.AnyAsync(r => r.Action == "migration.legacy.imported"));
        }
    }

    private async Task AssertNothingOfL2Async()
    {
        Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Departments.AnyAsync(d => d.Code.StartsWith("L2"))));
        Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<FaqDbContext>().Entries.AnyAsync(e => e.Number >= 92001 && e.Number <= 92999)));
        Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.AnyAsync(c => c.FiscalYear == 2021 || c.FiscalYear == 2022)));
    }

    private sealed class FailingProgress(string file) : IProgress<(string File, int Done, int Total)>
    {
        public void Report((string File, int Done, int Total) value)
        {
            if (value.File == file && value.Done > 0) throw new IOException("disk full");
        }
    }
}
