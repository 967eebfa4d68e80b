using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// <c>export opinions</c> on the demo site: a CSV for Excel, one row per case; personal data only when asked for, and
/// then written to the audit trail; Shift_JIS holds the same rows with what CP932 lacks made visible and counted.
/// </summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExportTests(DemoSiteFixture site)
{
    private static readonly string[] Required = ["受付番号", "受付日", "受付媒体", "種別", "件名", "状態", "主管課", "関係課", "回答期限", "回答日"];

    private string NewFile() => Path.Combine(site.Host.DataPath, $"export-{Guid.NewGuid():N}.csv");

    private async Task<int> CaseCountAsync()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.CountAsync();
    }

    [Fact]
    public async Task The_default_export_is_utf8_with_a_bom_one_row_per_case_and_no_personal_data()
    {
        var file = NewFile();
        var before = await CaseCountAsync();

        var (code, output, error) = await site.Host.RunVerbAsync("export", "opinions", "--out", file);

        Assert.True(code == 0, error);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Rows(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(Required, rows[0].Take(Required.Length));
        Assert.DoesNotContain("氏名", rows[0]);
        Assert.InRange(rows.Count - 1, before, await CaseCountAsync());
        Assert.Contains($"{rows.Count - 1} 件", output);
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var sender in site.Data.Senders.Take(10))
        {
            Assert.DoesNotContain(sender.Name, text);
            Assert.DoesNotContain(sender.Phone, text);
        }
        Assert.DoesNotContain("@example.jp", text);
        var line = rows.Single(r => r[4] == "住民票のコンビニ交付が使えない");
        Assert.Equal(["メール", "問合せ", "住民票のコンビニ交付が使えない", "完了", "戸籍住民課"], line[2..7]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", line[9]);
    }

    [Fact]
    public async Task Shift_jis_holds_the_same_rows_and_marks_and_counts_what_cp932_lacks()
    {
        await using (var scope = site.Host.Services.CreateAsyncScope())
        {
            var core = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var section = CaseActor.System("山口 美咲", core.Departments.Single(d => d.Code == "0103").Id);
            var result = await scope.ServiceProvider.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
            {
                Kind = CaseKind.Opinion, Channel = Channel.Letter, Subject = "𠮷野家の前の歩道の段差", Body = "歩道の段差が危ないです。",
                Sender = SenderKind.Anonymous, WantsAnswer = false,
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        }
        var (utf8File, sjisFile) = (NewFile(), NewFile());

        var utf8 = await site.Host.RunVerbAsync("export", "opinions", "--out", utf8File);
        var sjis = await site.Host.RunVerbAsync("export", "opinions", "--out", sjisFile, "--encoding", "shift_jis");

        Assert.True(utf8.ExitCode == 0 && sjis.ExitCode == 0, utf8.Error + sjis.Error);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var decoded = cp932.GetString(await File.ReadAllBytesAsync(sjisFile));
        var fromUtf8 = Encoding.UTF8.GetString((await File.ReadAllBytesAsync(utf8File))[3..]);
        Assert.Equal(fromUtf8.Replace("𠮷", "〓"), decoded);
        Assert.Contains("〓野家の前の歩道の段差", decoded);
        Assert.Equal("警告: Shift_JIS で表せない文字 1 文字を「〓」に置き換えました。", sjis.Error.Trim());
    }

    [Fact]
    public async Task Personal_data_columns_come_only_with_the_flag_and_that_export_is_audited()
    {
        var folder = Path.Combine(site.Host.DataPath, $"personal-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var refused = await site.Host.RunVerbAsync("export", "opinions", "--out", folder, "--with-personal-data", "true");
        Assert.Equal((1, "個人情報を含む出力には、出力する理由を --reason で指定してください。"), (refused.ExitCode, refused.Error.Trim()));
        Assert.Empty(Directory.GetFiles(folder));

        var (code, output, error) = await site.Host.RunVerbAsync("export", "opinions", "--out", Path.Combine(folder, "cases.csv"), "--department", "0502",
            "--with-personal-data", "true", "--reason", "区議会の資料作成");

        Assert.True(code == 0, error);
        // The file name carries the exporter and the time (特記事項 8).
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Matches($@"^cases_cli-{System.Text.RegularExpressions.Regex.Escape(Environment.UserName)}_\d{{8}}-\d{{6}}\.csv$", Path.GetFileName(file));
        Assert.Contains(file, output);
        var rows = Rows(Encoding.UTF8.GetString((await File.ReadAllBytesAsync(file))[3..]));
        Assert.Equal(["氏名", "郵便番号", "住所", "電話番号", "FAX", "メールアドレス", "内容", "回答"], rows[0][^8..]);
        var expected = site.Data.Cases.Where(c => c.Status != "受付" && (c.Lead == "0502" || (c.Related ?? []).Contains("0502"))).ToList();
        Assert.Equal(expected.Select(c => c.Subject).Order(), rows.Skip(1).Select(r => r[4]).Order());
        var aoki = rows.Single(r => r[4] == "住民票のコンビニ交付が使えない");
        Assert.Equal(["青木 一郎", "〒160-0023", "新宿区西新宿九丁目99番1号", "03-0000-1001", "", "aoki.ichiro@example.jp"], aoki[^8..^2]);

        await using var scope = site.Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.AsNoTracking()
            .Where(r => r.Action == "opinion.cases.exported.personal").OrderByDescending(r => r.Sequence).FirstAsync();
        Assert.Equal("cli", audit.ActorKind);
        Assert.Contains($"rows={expected.Count}", audit.Details);
        Assert.Contains("department=戸籍住民課", audit.Details);
        Assert.Contains("reason=区議会の資料作成", audit.Details);
    }

    [Fact]
    public async Task Received_dates_narrow_the_export()
    {
        var file = NewFile();
        var (code, _, error) = await site.Host.RunVerbAsync("export", "opinions", "--out", file, "--from", "2000-01-01", "--to", "2000-12-31");

        Assert.True(code == 0, error);
        Assert.Single(Rows(Encoding.UTF8.GetString((await File.ReadAllBytesAsync(file))[3..])));
    }

    [Theory]
    [InlineData("出力するファイルを --out で指定してください。", "export", "opinions")]
    [InlineData("文字コード「latin1」は使えません。utf-8 または shift_jis を指定してください。", "export", "opinions", "--out", "x.csv", "--encoding", "latin1")]
    [InlineData("--from の日付「2026-13-40」が正しくありません。YYYY-MM-DD の形で指定してください。", "export", "opinions", "--out", "x.csv", "--from", "2026-13-40")]
    [InlineData("--from には --to 以前の日付を指定してください。", "export", "opinions", "--out", "x.csv", "--from", "2026-05-01", "--to", "2026-04-01")]
    [InlineData("所属コード 9999 は登録されていません。", "export", "opinions", "--out", "x.csv", "--department", "9999")]
    public async Task Bad_arguments_end_with_one_japanese_line_and_no_file(string message, params string[] verb)
    {
        var (code, _, error) = await site.Host.RunVerbAsync(verb);

        Assert.Equal(1, code);
        Assert.Equal(message, error.Trim());
        Assert.False(File.Exists("x.csv"));
    }

    /// <summary>RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}
