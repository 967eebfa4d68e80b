using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kocho.Core.Departments;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// ASVS V8 / V7 (issue #11 item 7): after the whole story in Chromium — a resident registers and sends an opinion whose
/// text repeats their contact data, the section registers a letter with a sender's data, forwards, the department
/// answers, the approver approves, the section sends, the resident reads the answer — no file of the site (database
/// with its WAL, search index, anything else in the data folder), no log line and no mail holds any personal value in
/// clear (UTF-8, UTF-16 or JSON-escaped). Only the mail folder may hold the address its mails were sent to.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PersonalDataAtRestTests : IAsyncLifetime
{
    private const string ResidentEmail = "enoki.fuuko@example.jp";
    private const string ResidentName = "榎町 楓子";
    private const string ResidentAddress = "東京都新宿区榎町9-87";
    private const string ResidentPhone = "090-7351-2846";
    private const string SenderName = "弁天 周平";
    private const string SenderAddress = "東京都新宿区弁天町7-65";
    private const string SenderPhone = "03-6457-1938";
    private const string SenderEmail = "benten.shuhei@example.jp";
    private const string Marker = "街灯点検依頼";
    private const string AnswerText = "ご連絡ありがとうございます。街灯は今週中に点検します。";

    /// <summary>Every personal value, and the other spellings it may be stored in.</summary>
    private static readonly string[] Secrets =
    [
        ResidentName, "榎町楓子", "楓子", ResidentAddress, "榎町9-87", ResidentPhone, "09073512846", "7351-2846",
        SenderName, "弁天周平", "周平", SenderAddress, "弁天町7-65", SenderPhone, "0364571938", "6457-1938", SenderEmail, "benten.shuhei",
        ResidentEmail, "enoki.fuuko",
    ];

    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync("demo-staff");

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task After_the_full_story_no_file_log_or_mail_holds_a_personal_value_in_clear()
    {
        var page = _session.Page;
        var host = _session.Host;
        var mail = new MailPickup(host.DataPath);

        // The resident registers, confirms the address from the mail and signs in.
        await page.GotoAsync(_session.Public("/account/register"));
        await page.GetByTestId("resident-email").FillAsync(ResidentEmail);
        await page.GetByTestId("resident-password").FillAsync("enoki-pass-2026");
        await page.GetByTestId("resident-name").FillAsync(ResidentName);
        await page.GetByTestId("resident-postal").FillAsync("162-0806");
        await page.GetByTestId("resident-address").FillAsync(ResidentAddress);
        await page.GetByTestId("resident-phone").FillAsync(ResidentPhone);
        await page.GetByTestId("resident-consent").CheckAsync();
        await page.GetByTestId("register-submit").ClickAsync();
        var verification = await mail.WaitForAsync(ResidentEmail, "メールアドレスの確認のお願い");
        await page.GotoAsync(_session.Public(MailPickup.LinkIn(verification)));
        await SignInResidentAsync();

        // The resident's opinion repeats their contact data in its text.
        await page.GotoAsync(_session.Public("/opinions/new"));
        await page.GetByTestId("opinion-kind").SelectOptionAsync("Request");
        await page.GetByTestId("opinion-subject").FillAsync("街灯の点検");
        await page.GetByTestId("opinion-body").FillAsync(
            $"{Marker}：榎町の街灯が切れています。私は{ResidentName}、住所は{ResidentAddress}、電話は{ResidentPhone}、メールは{ResidentEmail}です。");
        await page.GetByTestId("opinion-confirm").ClickAsync();
        await page.GetByTestId("opinion-send").ClickAsync();
        var receipt = await page.GetByTestId("receipt-number").InnerTextAsync();
        await mail.WaitForAsync(ResidentEmail, receipt);

        // The section registers a letter with its sender's data, and forwards the resident's opinion to 道路課.
        await SignInAsAsync("kocho.yamaguchi");
        await page.GotoAsync(_session.Staff("/admin/opinions/new"));
        await page.GetByTestId("intake-channel").SelectOptionAsync("Letter");
        await page.GetByTestId("intake-kind").SelectOptionAsync("Opinion");
        await page.GetByTestId("intake-subject").FillAsync("弁天町の歩道");
        await page.GetByTestId("intake-body").FillAsync($"{Marker}の手紙。{SenderName}（{SenderAddress}、電話{SenderPhone}、{SenderEmail}）より、歩道の補修の要望。");
        await page.GetByTestId("intake-name").FillAsync(SenderName);
        await page.GetByTestId("intake-postal").FillAsync("162-0851");
        await page.GetByTestId("intake-address").FillAsync(SenderAddress);
        await page.GetByTestId("intake-phone").FillAsync(SenderPhone);
        await page.GetByTestId("intake-email").FillAsync(SenderEmail);
        await page.GetByTestId("intake-submit").ClickAsync();
        await page.GetByTestId("case-receipt").WaitForAsync();

        await page.GotoAsync(_session.Staff("/admin/opinions?receipt=" + receipt));
        await page.GetByTestId($"case-{receipt}").GetByTestId("case-link").ClickAsync();
        Assert.Equal(ResidentName, await page.GetByTestId("contact-name").InnerTextAsync());
        await page.GetByTestId("forward-lead").SelectOptionAsync(Department("1002").ToString());
        await page.GetByTestId("forward-comment").FillAsync("現地の確認をお願いします。");
        await page.GetByTestId("forward-submit").ClickAsync();
        Assert.Equal("転送しました。", await page.GetByTestId("case-notice").InnerTextAsync());
        var caseUrl = page.Url;

        // 道路課 drafts and asks; its approver approves; the section sends.
        await SignInAsAsync("doro.matsumoto");
        await page.GotoAsync(caseUrl);
        await page.GetByTestId("draft-text").FillAsync(AnswerText);
        await page.GetByTestId("draft-save").ClickAsync();
        await page.GetByTestId("answer-submit").ClickAsync();
        Assert.Equal("承認待", await page.GetByTestId("case-status").InnerTextAsync());
        await SignInAsAsync("doro.shimizu");
        await page.GotoAsync(caseUrl);
        await page.GetByTestId("answer-approve").ClickAsync();
        Assert.Equal("承認済", await page.GetByTestId("answer-status").InnerTextAsync());
        await SignInAsAsync("kocho.yamaguchi");
        await page.GotoAsync(caseUrl);
        await page.GetByTestId("answer-send").ClickAsync();
        Assert.Equal("回答済", await page.GetByTestId("case-status").InnerTextAsync());

        // The resident reads the answer on their page.
        await mail.WaitForAsync(ResidentEmail, "回答の準備ができました");
        await _session.Context.ClearCookiesAsync();
        await SignInResidentAsync();
        await page.GotoAsync(_session.Public("/account/opinions"));
        Assert.Contains(receipt, await page.Locator("main").InnerTextAsync());
        Assert.Contains("街灯は今週中に点検します", await page.Locator("main").InnerTextAsync());
        _session.AssertNoProblems();

        await WaitForIndexAsync(host);
        await host.StopAsync();
        Checkpoint(host);

        var failures = new List<string>();
        var dataFiles = Directory.GetFiles(host.DataPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(mail.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.Contains(dataFiles, f => Path.GetFileName(f) == "kocho.db");
        Assert.Contains(dataFiles, f => f.Contains(Path.DirectorySeparatorChar + "index" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        foreach (var file in dataFiles) Scan(Path.GetRelativePath(host.DataPath, file), File.ReadAllBytes(file), Secrets, failures);
        Scan("the log", Encoding.UTF8.GetBytes(string.Join("\n", host.Log.Lines)), Secrets, failures);
        var mailFiles = Directory.GetFiles(mail.Folder, "*", SearchOption.AllDirectories);
        Assert.True(mailFiles.Length >= 3, "the story should have sent mails");
        var mailSecrets = Secrets.Where(s => s is not ResidentEmail and not "enoki.fuuko").ToArray();
        foreach (var file in mailFiles)
        {
            // The raw file, and what a mail reader shows: headers and bodies decoded from base64 / quoted-printable.
            Scan("mail " + Path.GetFileName(file), File.ReadAllBytes(file), mailSecrets, failures);
            using var message = MimeKit.MimeMessage.Load(file);
            var shown = string.Join("\n", message.Headers.Select(h => h.Value).Append(message.TextBody ?? "").Append(message.HtmlBody ?? ""));
            Scan("mail " + Path.GetFileName(file) + " (decoded)", Encoding.UTF8.GetBytes(shown), mailSecrets, failures);
        }

        // The scan does see what it scans: the marker of the texts is in the index, the receipt number in the log or database.
        Assert.True(Contains(dataFiles.Select(File.ReadAllBytes), Marker), "the scan should find the marker word of the texts");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Scan(string where, byte[] bytes, IEnumerable<string> secrets, List<string> failures)
    {
        foreach (var secret in secrets)
        {
            foreach (var (form, pattern) in Forms(secret))
            {
                if (bytes.AsSpan().IndexOf(pattern) >= 0) failures.Add($"{where} holds {form} \"{secret}\"");
            }
        }
    }

    /// <summary>UTF-8, UTF-16 (little and big endian) and the JSON-escaped form (\uXXXX, as System.Text.Json writes non-ASCII).</summary>
    private static IEnumerable<(string Form, byte[] Pattern)> Forms(string secret)
    {
        yield return ("UTF-8", Encoding.UTF8.GetBytes(secret));
        yield return ("UTF-16", Encoding.Unicode.GetBytes(secret));
        yield return ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(secret));
        var escaped = JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default }).Trim('"');
        if (escaped != secret)
        {
            yield return ("JSON-escaped", Encoding.ASCII.GetBytes(escaped));
            yield return ("JSON-escaped", Encoding.ASCII.GetBytes(escaped.ToLowerInvariant()));
        }
    }

    private static bool Contains(IEnumerable<byte[]> files, string text)
    {
        var patterns = Forms(text).Select(f => f.Pattern).ToList();
        return files.Any(file => patterns.Any(p => file.AsSpan().IndexOf(p) >= 0));
    }

    /// <summary>The index follower commits about once a second: wait until the committed files hold the texts' marker word.</summary>
    private static async Task WaitForIndexAsync(PortalHost host)
    {
        var folder = Path.Combine(host.DataPath, "index");
        for (var i = 0; i < 60; i++)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
            if (Contains(files.Select(f => { try { return File.ReadAllBytes(f); } catch (IOException) { return []; } }), Marker)) return;
            await Task.Delay(500);
        }
    }

    /// <summary>After the host stopped: folds the WAL into the database file (both are scanned anyway).</summary>
    private static void Checkpoint(PortalHost host)
    {
        var database = Path.Combine(host.DataPath, "kocho.db");
        if (!File.Exists(database)) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }

    private Guid Department(string code) => _session.Host.Services.CreateScope().ServiceProvider.GetRequiredService<DepartmentDirectory>()
        .FindByCodeAsync(code).GetAwaiter().GetResult()!.Id;

    private async Task SignInResidentAsync()
    {
        var page = _session.Page;
        await page.GotoAsync(_session.Public("/account/login"));
        await page.GetByTestId("login-email").FillAsync(ResidentEmail);
        await page.GetByTestId("login-password").FillAsync("enoki-pass-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        Assert.Equal("マイページ", await page.GetByTestId("account-title").InnerTextAsync());
    }

    private async Task SignInAsAsync(string login)
    {
        await _session.Context.ClearCookiesAsync();
        await _session.SignInStaffAsync(login, PortalHost.DemoPassword);
    }
}
