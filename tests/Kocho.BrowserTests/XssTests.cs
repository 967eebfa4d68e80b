using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kocho.BrowserTests.Security;
using Kocho.Core.Departments;
using System.Text;
using Kocho.Tests.Infrastructure;
using Kocho.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// ASVS V5.3 (issue #11 item 3a): the <see cref="XssCorpus"/> is put into every text field of the public and staff forms
/// (through the forms themselves, over HTTP with their antiforgery tokens), then every page that shows those texts is
/// opened once in Chromium per role. The browser context bypasses the CSP, so what is proved is the escaping itself:
/// no dialog, no <c>window.__xss</c> marker, no console trace of a payload — and the payload text is shown as text.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class XssTests : IAsyncLifetime
{
    private const string Word = "注入検査";
    private readonly XssCorpus _xss = new();
    private readonly ConcurrentQueue<string> _executions = new();
    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = await BrowserSession.StartAsync("demo-staff");
        _session.Page.Dialog += async (_, dialog) =>
        {
            _executions.Enqueue($"dialog \"{dialog.Message}\" from {_xss.Origin(dialog.Message)} on {_session.Page.Url}");
            await dialog.DismissAsync();
        };
        _session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("__xss", StringComparison.Ordinal)) _executions.Enqueue($"console \"{message.Text}\" on {_session.Page.Url}");
        };
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [GeneratedRegex("name=\"Input.FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("data-testid=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex("data-testid=\"access-code\">([^<]+)<")]
    private static partial Regex AccessCode();

    [GeneratedRegex("/admin/opinions/([0-9a-f-]{36})")]
    private static partial Regex CaseId();

    [Fact]
    public async Task Payloads_in_every_form_field_are_shown_as_text_and_never_run()
    {
        var host = _session.Host;
        var road = Department("1002");

        // 1. The public web form: every text the sender types.
        using var guest = host.PublicClient();
        var token = FormToken().Match(await guest.GetStringAsync("/opinions/new")).Groups[1].Value;
        var web = new Dictionary<string, string>
        {
            ["Input.FormToken"] = token, ["Input.Route"] = "mayor", ["Input.Kind"] = "Request",
            ["Input.Subject"] = Word + _xss.One("web form subject", 2), ["Input.Body"] = _xss.All("web form body", Word + "\n"),
            ["Input.WantsAnswer"] = "true", ["Input.AnswerMethod"] = "Web", ["Input.Name"] = _xss.One("web form name", 1),
            ["Input.Email"] = "xss.guest@example.jp", ["Input.PostalCode"] = "", ["Input.Address"] = _xss.One("web form address", 3),
            ["Input.Phone"] = "", ["Input.Website"] = "",
        };
        await guest.PostFormAsync("/opinions/new", web, handler: "Confirm");
        var sent = await (await guest.PostFormAsync("/opinions/new", web, handler: "Send")).Content.ReadAsStringAsync();
        var receipt = ReceiptNumber().Match(sent).Groups[1].Value;
        var accessCode = AccessCode().Match(sent).Groups[1].Value;
        Assert.True(receipt != "", "the web form did not take the opinion: " + sent);

        // 1b. A resident registers (name and address of the profile), confirms the mail and sends an opinion.
        using var resident = host.PublicClient();
        var registered = await resident.PostFormAsync("/account/register", new()
        {
            ["Email"] = "xss.resident@example.jp", ["Password"] = "xss-resident-2026", ["Form.Name"] = _xss.One("resident name", 1),
            ["Form.PostalCode"] = "160-0022", ["Form.Address"] = _xss.One("resident address", 2), ["Form.Phone"] = "090-1111-2222", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        Assert.True(registered.RequestMessage!.RequestUri!.AbsolutePath == "/account/register/sent", await registered.Content.ReadAsStringAsync());
        var verification = await new MailPickup(host.DataPath).WaitForAsync("xss.resident@example.jp", "メールアドレスの確認のお願い");
        await resident.GetStringAsync(MailPickup.LinkIn(verification));
        await ExpectOkAsync(resident.PostFormAsync("/account/login", new() { ["Email"] = "xss.resident@example.jp", ["Password"] = "xss-resident-2026" }));
        var residentForm = new Dictionary<string, string>
        {
            ["Input.FormToken"] = FormToken().Match(await resident.GetStringAsync("/opinions/new")).Groups[1].Value, ["Input.Route"] = "mayor",
            ["Input.Kind"] = "Opinion", ["Input.Subject"] = Word + _xss.One("resident opinion subject", 0), ["Input.Body"] = _xss.All("resident opinion body", Word + "\n"),
            ["Input.WantsAnswer"] = "true", ["Input.AnswerMethod"] = "Web", ["Input.Website"] = "",
        };
        await resident.PostFormAsync("/opinions/new", residentForm, handler: "Confirm");
        var residentReceipt = ReceiptNumber().Match(await (await resident.PostFormAsync("/opinions/new", residentForm, handler: "Send")).Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual("", residentReceipt);

        // 2. The section: a letter (every text), then forwards the web case with a comment.
        using var section = await host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var letter = await section.PostFormAsync("/admin/opinions/new", new()
        {
            ["Input.Channel"] = "Letter", ["Input.Kind"] = "Opinion", ["Input.ReceivedOn"] = "",
            ["Input.Subject"] = Word + _xss.One("letter subject", 6), ["Input.Body"] = _xss.All("letter body", Word + "\n"),
            ["Input.Name"] = _xss.One("letter name", 0), ["Input.PostalCode"] = "160-0022", ["Input.Address"] = _xss.One("letter address", 4),
            ["Input.Phone"] = "", ["Input.Fax"] = "", ["Input.Email"] = "", ["Input.WantsAnswer"] = "true", ["Input.AnswerMethod"] = "Letter",
            ["Input.DepartmentId"] = road.ToString(), ["Input.ForwardComment"] = _xss.One("letter forward comment", 5),
        });
        var letterCase = CaseId().Match(letter.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
        Assert.True(letterCase != "", "the letter was not registered: " + await letter.Content.ReadAsStringAsync());
        using var operatorClient = await host.SignedInStaffAsync("cc.onodera", PortalHost.DemoPassword);
        var call = await operatorClient.PostFormAsync("/admin/opinions/call", new()
        {
            ["Input.Kind"] = "Inquiry", ["Input.Subject"] = Word + _xss.One("call subject", 7),
            ["Input.Body"] = _xss.All("call body", Word + "\n"), ["Input.Name"] = _xss.One("call name", 12),
            ["Input.Phone"] = "03-1234-5678", ["Input.ForwardComment"] = _xss.One("call forward comment", 13), ["Input.DepartmentId"] = road.ToString(),
        });
        Assert.True(call.IsSuccessStatusCode, "the call log answered " + (int)call.StatusCode);
        var list = await section.GetStringAsync("/admin/opinions?receipt=" + receipt);
        var webCase = CaseId().Matches(list).Select(m => m.Groups[1].Value).Distinct().Single();
        var residentCase = CaseId().Matches(await section.GetStringAsync("/admin/opinions?receipt=" + residentReceipt)).Select(m => m.Groups[1].Value).Distinct().Single();
        var forwarded = await section.PostFormAsync($"/admin/opinions/{webCase}", new()
        {
            ["LeadDepartmentId"] = road.ToString(), ["DueOn"] = "", ["Comment"] = _xss.One("forward comment", 2),
        }, handler: "Forward");
        Assert.Contains("転送しました。", await forwarded.Content.ReadAsStringAsync());

        // 3. The department: handling, a history memo and the answer draft; then a FAQ entry with every field.
        using var staff = await host.SignedInStaffAsync("doro.matsumoto", PortalHost.DemoPassword);
        await ExpectOkAsync(staff.PostFormAsync($"/admin/opinions/{webCase}", new() { ["HandlingKind"] = "Answer", ["Text"] = _xss.All("handling text") }, handler: "Handling"));
        await ExpectOkAsync(staff.PostFormAsync($"/admin/opinions/{webCase}", new() { ["EntryAction"] = "Memo", ["Text"] = _xss.All("history memo") }, handler: "Entry"));
        await ExpectOkAsync(staff.PostFormAsync($"/admin/opinions/{webCase}", new() { ["HandlingKind"] = "Answer", ["Text"] = _xss.All("answer draft", Word + "\n") }, handler: "Draft"));
        var faq = await staff.PostFormAsync("/admin/faq/edit", new()
        {
            ["Input.Question"] = Word + _xss.One("FAQ question", 0), ["Input.Answer"] = _xss.All("FAQ answer", Word + "\n\n"),
            ["Input.Department"] = "1002", ["Input.Visibility"] = "Public", ["Input.Category"] = "", ["Input.Keywords"] = _xss.One("FAQ keywords", 1),
            ["Input.RelatedLinks"] = _xss.One("FAQ related link title", 2) + " https://www.city.shinjuku.lg.jp/",
        });
        var faqPath = faq.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/admin/faq/\d+$", faqPath);
        var faqNumber = int.Parse(faqPath["/admin/faq/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await ExpectOkAsync(staff.PostFormAsync(faqPath, new() { ["Comment"] = _xss.One("FAQ submit comment", 3) }, handler: "Submit"));
        using (var approver = await host.SignedInStaffAsync("doro.shimizu", PortalHost.DemoPassword))
        {
            await ExpectOkAsync(approver.PostFormAsync(faqPath, new() { ["Comment"] = _xss.One("FAQ approve comment", 4) }, handler: "Approve"));
        }
        await ExpectOkAsync(guest.PostFormAsync($"/faq/{faqNumber}", new() { ["Helpful"] = "false", ["Comment"] = _xss.Some("FAQ feedback", 200) }, handler: "Feedback"));

        // 4. The administrator: names of a department, a webhook and an API key; a prohibited term last (it changes what staff are asked).
        using var admin = await host.SignedInStaffAsync("joho.morita", PortalHost.DemoPassword);
        await ExpectOkAsync(admin.PostFormAsync("/admin/departments/edit", new()
        {
            ["Input.Code"] = "0198", ["Input.Name"] = Word + _xss.One("department name", 7), ["Input.NameEn"] = _xss.One("department English name", 8),
            ["Input.Level"] = "Section", ["Input.ParentId"] = Department("0100").ToString(), ["Input.Phone"] = "03-5273-0000", ["Input.ValidFrom"] = "2020-04-01",
        }));
        await ExpectOkAsync(admin.PostFieldsAsync("/admin/integrations/webhooks",
            [("Input.Name", _xss.One("webhook name", 9)), ("Input.Url", "http://127.0.0.1:9/hook"), ("Input.Events", "case.received")]));
        await ExpectOkAsync(admin.PostFieldsAsync("/admin/api/keys",
            [("Input.Name", _xss.One("API key name", 10)), ("Input.DepartmentCode", ""), ("Input.RequestsPerMinute", ""), ("Input.Scopes", "cases:read")]));
        await ExpectOkAsync(admin.PostFormAsync("/admin/privacy/prohibited-terms", new() { ["Terms[0]"] = _xss.One("prohibited term", 11) }));

        // 5. The legacy import (import legacy): every text column of the old system's four files.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var legacy = new LegacyExportGenerator { Prefix = "X9", FirstFaqNumber = 97001, FirstFiscalYear = 2005, FiscalYears = 1, FaqCount = 3, CaseCount = 3 }.Generate();
        foreach (var row in legacy.Departments) row[1] = _xss.One("legacy department name", 2);
        foreach (var row in legacy.Faqs)
        {
            row[3] = Word + _xss.One("legacy FAQ question", 0);
            row[4] = _xss.All("legacy FAQ answer", Word + "\n");
        }
        foreach (var row in legacy.Cases)
        {
            row[4] = Word + _xss.One("legacy case subject", 1);
            row[5] = _xss.All("legacy case body", Word + "\n");
            if (row[7] != "") row[7] = _xss.One("legacy case name", 3);
            if (row[9] != "") row[9] = _xss.One("legacy case address", 4);
            if (row[17] != "") row[17] = _xss.All("legacy case answer");
        }
        foreach (var row in legacy.History)
        {
            row[4] = _xss.One("legacy history text", 5);
            row[5] = _xss.One("legacy history staff name", 6);
        }
        var folder = Path.Combine(host.DataPath, "legacy-xss");
        legacy.Write(folder, Encoding.GetEncoding(932));
        var import = await host.RunVerbAsync("import", "legacy", "--dir", Path.GetRelativePath(Environment.CurrentDirectory, folder));
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        var imported = CaseId().Matches(await section.GetStringAsync("/admin/opinions?tab=Mine&receipt=2005-000001")).Select(m => m.Groups[1].Value).Distinct().Single();

        var page = _session.Page;

        // Public pages, as a guest: search (with the highlighted snippet), the entry, the answer page, a reflected query.
        await VisitAsync(_session.Public("/faq/search?q=" + Uri.EscapeDataString(Word)), expectText: true);
        Assert.Contains("mark", await page.Locator("[data-testid=faq-snippet]").First.InnerHTMLAsync());
        await VisitAsync(_session.Public($"/faq/{faqNumber}"), expectText: true);
        await VisitAsync(_session.Public("/faq/search?q=" + Uri.EscapeDataString(_xss.One("public search query", 2))));
        await VisitAsync(_session.Public("/faq"));
        await VisitAsync(_session.Public("/faq/97001"), expectText: true);
        await page.GotoAsync(_session.Public("/opinions/answer"));
        await page.GetByTestId("answer-receipt").FillAsync(receipt);
        await page.GetByTestId("answer-code").FillAsync(accessCode);
        await page.GetByTestId("answer-submit").ClickAsync();
        await AssertNothingRanAsync();

        // The resident's own pages: the profile and the history of their opinions.
        await page.GotoAsync(_session.Public("/account/login"));
        await page.GetByTestId("login-email").FillAsync("xss.resident@example.jp");
        await page.GetByTestId("login-password").FillAsync("xss-resident-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/account");
        await AssertNothingRanAsync();
        await VisitAsync(_session.Public("/account"), expectText: true);
        await VisitAsync(_session.Public("/account/edit"));
        await VisitAsync(_session.Public("/account/opinions"), expectText: true);
        await VisitAsync(_session.Public("/opinions/new"));

        // The section: lists, both cases, history, search with snippets, reports, alerts, FAQ pages.
        await _session.SignInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        foreach (var path in new[]
        {
            "/admin/opinions", $"/admin/opinions/{webCase}", $"/admin/opinions/{imported}", $"/admin/opinions/{residentCase}", "/admin/faq/97001", $"/admin/opinions/{letterCase}",
            "/admin/opinions/history", "/admin/opinions/history?q=" + Uri.EscapeDataString(Word),
            "/admin/opinions/search?Text=" + Uri.EscapeDataString(Word), "/admin/opinions/search?Text=" + Uri.EscapeDataString(_xss.One("staff search query", 0)),
            "/admin/faq", $"/admin/faq/{faqNumber}", "/admin/faq/search?Q=" + Uri.EscapeDataString(Word), "/admin/faq/gaps",
            "/admin/reports", "/admin/reports/departments", "/admin/reports/faq", "/admin/alerts",
        })
        {
            await VisitAsync(_session.Staff(path), expectText: path.Contains(webCase, StringComparison.Ordinal) || path.Contains("search?Text=%E6", StringComparison.Ordinal));
        }

        // The department's approver sees the draft; the administrator the audit trail and the settings pages.
        await _session.Context.ClearCookiesAsync();
        await _session.SignInStaffAsync("doro.matsumoto", PortalHost.DemoPassword);
        await VisitAsync(_session.Staff($"/admin/opinions/{webCase}"), expectText: true);
        await VisitAsync(_session.Staff("/admin/alerts"));
        await _session.Context.ClearCookiesAsync();
        await _session.SignInStaffAsync("joho.morita", PortalHost.DemoPassword);
        foreach (var path in new[]
        {
            "/admin/audit", "/admin/departments", "/admin/privacy/prohibited-terms", "/admin/integrations/webhooks", "/admin/api/keys",
            "/admin/privacy/access", "/admin/users",
        })
        {
            await VisitAsync(_session.Staff(path));
        }

        Assert.True(_executions.IsEmpty, string.Join("\n", _executions));
        _session.AssertNoProblems();
    }

    private Guid Department(string code) => _session.Host.Services.CreateScope().ServiceProvider.GetRequiredService<DepartmentDirectory>()
        .FindByCodeAsync(code).GetAwaiter().GetResult()!.Id;

    private static async Task ExpectOkAsync(Task<HttpResponseMessage> post)
    {
        using var response = await post;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && !body.Contains("validation-summary-errors", StringComparison.Ordinal) && !body.Contains("role=\"alert\" data-testid=\"form-errors\"", StringComparison.Ordinal),
            $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
    }

    /// <summary>Opens a page once; with <paramref name="expectText"/>, the payload is on it as visible text.</summary>
    private async Task VisitAsync(string url, bool expectText = false)
    {
        var response = await _session.Page.GotoAsync(url);
        Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
        if (expectText)
        {
            var text = await _session.Page.Locator("body").InnerTextAsync();
            Assert.True(text.Contains("<script>alert(", StringComparison.Ordinal) || text.Contains("onerror=alert(", StringComparison.Ordinal),
                $"no payload shown as text on {url}");
        }
        await AssertNothingRanAsync();
    }

    private async Task AssertNothingRanAsync()
    {
        // Event handlers (onerror, onload, ontoggle, autofocus) fire just after load.
        await _session.Page.WaitForTimeoutAsync(150);
        var marker = await _session.Page.EvaluateAsync<string?>("() => window.__xss === undefined ? null : String(window.__xss)");
        if (marker is not null) _executions.Enqueue($"window.__xss = {marker} from {_xss.Origin(marker)} on {_session.Page.Url}");
        Assert.True(_executions.IsEmpty, string.Join("\n", _executions));
    }
}
