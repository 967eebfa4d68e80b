using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kocho.BrowserTests.Security;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// ASVS V5.3 for the APIs (issue #13, bad input): the <see cref="XssCorpus"/> is sent in every text field of a staff API
/// JSON body and of an Open311 POST answered in XML, as an integration would. It comes back as the same text in the
/// JSON and XML answers (never as markup), and the section's pages that show those cases, opened in Chromium, run none of it.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class ApiXssTests : IAsyncLifetime
{
    private const string Word = "連携注入検査";
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

    [GeneratedRegex("data-testid=\"issued-key\">([^<]+)<")]
    private static partial Regex IssuedKey();

    [Fact]
    public async Task Payloads_in_json_and_open311_bodies_come_back_as_text_and_never_run_on_the_staff_pages()
    {
        var host = _session.Host;
        using var admin = await host.SignedInStaffAsync();
        async Task<string> IssueAsync(string name, params string[] scopes)
        {
            var fields = new List<(string, string)> { ("Input.Name", name), ("Input.DepartmentCode", ""), ("Input.RequestsPerMinute", "") };
            fields.AddRange(scopes.Select(s => ("Input.Scopes", s)));
            var html = await (await admin.PostFieldsAsync("/admin/api/keys", fields)).Content.ReadAsStringAsync();
            return System.Net.WebUtility.HtmlDecode(IssuedKey().Match(html).Groups[1].Value);
        }
        var staffKey = await IssueAsync("注入検査の連携", "cases:read", "cases:write", "cases:personal");
        var open311Key = await IssueAsync("注入検査の通報アプリ", "open311:write");

        // 1. The staff API: every text field of the JSON body.
        using var api = new HttpClient { BaseAddress = host.StaffUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", staffKey);
        var sent = new Dictionary<string, string>
        {
            ["subject"] = Word + _xss.One("API subject", 0), ["body"] = _xss.All("API body", Word + "\n"), ["name"] = _xss.One("API name", 1),
            ["address"] = _xss.One("API address", 3), ["forwardComment"] = _xss.One("API forward comment", 6),
        };
        var json = JsonSerializer.Serialize(new
        {
            kind = "Opinion", channel = "Letter", subject = sent["subject"], body = sent["body"], toMayor = false, departmentCode = "1002",
            sender = "Contact", name = sent["name"], postalCode = "160-0022", address = sent["address"], wantsAnswer = true, answerMethod = "Letter",
            forwardComment = sent["forwardComment"],
        });
        var created = await api.PostAsync("/api/v1/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var apiCase = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var read = await api.GetAsync($"/api/v1/cases/{apiCase}?include=personal");
        var raw = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        var detail = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(sent["subject"], detail.GetProperty("subject").GetString());
        Assert.Equal(sent["body"], detail.GetProperty("body").GetString());
        Assert.Equal(sent["name"], detail.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(sent["address"], detail.GetProperty("contact").GetProperty("address").GetString());
        var history = await (await api.GetAsync($"/api/v1/cases/{apiCase}/history?include=personal")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", history, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(JsonDocument.Parse(history).RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("note").GetString()?.Contains(sent["forwardComment"], StringComparison.Ordinal) == true);

        // 2. Open311: every text field of the form, answered in XML.
        using var open311 = new HttpClient { BaseAddress = host.PublicUrl };
        var code = JsonDocument.Parse(await open311.GetStringAsync("/open311/v2/services.json")).RootElement[0].GetProperty("service_code").GetString()!;
        var posted = await open311.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = open311Key, ["service_code"] = code, ["description"] = _xss.All("Open311 description", Word + "\n"),
            ["address_string"] = _xss.One("Open311 address_string", 2), ["address_id"] = _xss.One("Open311 address_id", 4),
            ["first_name"] = _xss.One("Open311 first_name", 16), ["last_name"] = _xss.One("Open311 last_name", 4),
            ["email"] = "xss.open311@example.jp", ["media_url"] = _xss.One("Open311 media_url", 5),
        }));
        var postedXml = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, postedXml);
        var receipt = XDocument.Parse(postedXml).Root!.Element("request")!.Element("service_request_id")!.Value;
        var status = await open311.GetStringAsync($"/open311/v2/requests/{receipt}.xml");
        Assert.DoesNotContain("<script", status, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("open", XDocument.Parse(status).Root!.Element("request")!.Element("status")!.Value);
        var listed = await (await api.GetAsync($"/api/v1/cases?receiptNumber={receipt}")).Content.ReadAsStringAsync();
        var open311Case = JsonDocument.Parse(listed).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

        // 3. The section opens the cases, the list and the history search in Chromium: shown as text, nothing runs.
        await _session.SignInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        await VisitAsync(_session.Staff($"/admin/opinions/{apiCase}"), expectText: true);
        await VisitAsync(_session.Staff($"/admin/opinions/{open311Case}"), expectText: true);
        foreach (var path in new[] { "/admin/opinions?tab=Mine", "/admin/opinions/history?q=" + Uri.EscapeDataString(Word), "/admin/opinions/search?Text=" + Uri.EscapeDataString(Word) })
        {
            await VisitAsync(_session.Staff(path));
        }
        // The department the API case was forwarded to.
        await _session.Context.ClearCookiesAsync();
        await _session.SignInStaffAsync("doro.matsumoto", PortalHost.DemoPassword);
        await VisitAsync(_session.Staff($"/admin/opinions/{apiCase}"), expectText: true);

        Assert.True(_executions.IsEmpty, string.Join("\n", _executions));
        _session.AssertNoProblems();
    }

    /// <summary>Opens a page once; with <paramref name="expectText"/>, a payload is on it as visible text.</summary>
    private async Task VisitAsync(string url, bool expectText = false)
    {
        var response = await _session.Page.GotoAsync(url);
        Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
        if (expectText)
        {
            var text = await _session.Page.Locator("body").InnerTextAsync();
            Assert.True(text.Contains("<script>alert(", StringComparison.Ordinal) || text.Contains("onerror=alert(", StringComparison.Ordinal), $"no payload shown as text on {url}");
        }
        await _session.Page.WaitForTimeoutAsync(150);
        var marker = await _session.Page.EvaluateAsync<string?>("() => window.__xss === undefined ? null : String(window.__xss)");
        if (marker is not null) _executions.Enqueue($"window.__xss = {marker} from {_xss.Origin(marker)} on {_session.Page.Url}");
        Assert.True(_executions.IsEmpty, string.Join("\n", _executions));
    }
}
