using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Kocho.Core.Web.Refusals;
using Kocho.Tests.Infrastructure;
using Kocho.Tests.Users;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>Limits high enough that these tests never meet them; the demo's queued mails go out at once, so a new one is not behind them.</summary>
public sealed class OpenLimitsSite() : AbuseSite(
    "--Kocho:RateLimits:sign-in:PermitLimit=1000", "--Kocho:RateLimits:public-form:PermitLimit=1000",
    "--Kocho:RateLimits:registration:PermitLimit=1000", "--Kocho:RateLimits:open311:PermitLimit=1000",
    "--Kocho:Mail:PollInterval=00:00:01", "--Kocho:Mail:BatchSize=500");

/// <summary>
/// ASVS V2.2.1 (lockout that does not tell whether an account exists) and V5.1 / V13.1 (bodies too large, not UTF-8,
/// or broken multipart): a clear Japanese answer in the endpoint's form, never a 500, and nothing stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InputAbuseTests(OpenLimitsSite site) : IClassFixture<OpenLimitsSite>
{
    private static readonly byte[] NotUtf8 = [0xE6, 0x96, 0xFF, 0xC3, 0x28];

    private static string Html(string text) => WebUtility.HtmlDecode(text);

    [Fact]
    public async Task A_locked_staff_account_is_refused_even_with_the_right_password_in_the_words_an_unknown_login_gets()
    {
        await site.Host.AddMemberAsync("lock.staff", "施錠 太郎", "DepartmentStaff");
        using var client = site.Host.StaffClient();
        for (var attempt = 1; attempt <= 5; attempt++) await client.TryPasswordSignInAsync("lock.staff", "wrong-password-" + attempt);

        var right = await client.TryPasswordSignInAsync("lock.staff", StaffPages.MemberPassword);
        var unknown = await site.Host.StaffClient().TryPasswordSignInAsync("no.such.login", "wrong-password");

        Assert.Equal("/admin/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(client.Cookies.GetCookies(site.Host.StaffUrl), c => c.Name == "kocho.staff");
        Assert.Equal(MessageOn(await right.Content.ReadAsStringAsync()), MessageOn(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("15分後にもう一度お試しください。", MessageOn(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_locked_resident_account_is_refused_even_with_the_right_password_in_the_words_an_unknown_address_gets()
    {
        using var client = site.Host.PublicClient();
        var registered = await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = "locked.resident@example.jp", ["Password"] = "resident-pass-2026", ["Form.Name"] = "施錠 花子", ["Form.PostalCode"] = "１６０－８４８４",
            ["Form.Address"] = "東京都新宿区歌舞伎町1-4-1", ["Form.Phone"] = "090-1234-5678", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        Assert.Equal("/account/register/sent", registered.RequestMessage!.RequestUri!.AbsolutePath);
        var mail = await new MailPickup(site.Host.DataPath).WaitForAsync("locked.resident@example.jp", "メールアドレスの確認のお願い");
        Assert.Contains("登録が完了しました", await client.GetStringAsync(MailPickup.LinkIn(mail)));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostFormAsync("/account/login", new() { ["Email"] = "locked.resident@example.jp", ["Password"] = "wrong-password-" + attempt });
        }

        var right = await client.PostFormAsync("/account/login", new() { ["Email"] = "locked.resident@example.jp", ["Password"] = "resident-pass-2026" });
        var unknown = await site.Host.PublicClient().PostFormAsync("/account/login", new() { ["Email"] = "no.such.resident@example.jp", ["Password"] = "wrong-password" });

        Assert.Equal("/account/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/login", (await client.GetAsync("/account")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(MessageOn(await right.Content.ReadAsStringAsync()), MessageOn(await unknown.Content.ReadAsStringAsync()));
    }

    private static string MessageOn(string html)
    {
        var text = Html(html);
        var start = text.IndexOf("続けて失敗すると", StringComparison.Ordinal);
        Assert.True(start > 0, "no sign-in message on the page");
        var open = text.LastIndexOf('>', start) + 1;
        return text[open..text.IndexOf('<', start)];
    }

    [Fact]
    public async Task A_form_over_one_megabyte_gets_413_with_a_page_and_makes_no_case()
    {
        using var client = site.Host.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(client);
        var fields = AbuseSite.OpinionForm(formToken, "大きすぎる送信", new string('あ', 400_000)).Append(("__RequestVerificationToken", antiforgery));

        var refused = await client.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

        await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.RequestEntityTooLarge, RequestRefusal.TooLargeMessage(RequestBodyGuard.DefaultMaxBytes));
        Assert.Equal(0, await site.CasesAsync("大きすぎる送信"));
    }

    [Fact]
    public async Task A_chunked_body_without_length_over_the_limit_is_refused_too()
    {
        using var client = site.Host.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(client);
        var body = string.Join('&', AbuseSite.OpinionForm(formToken, "長さを告げない送信", new string('x', 1_200_000)).Append(("__RequestVerificationToken", antiforgery))
            .Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/opinions/new?handler=Send") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var refused = await client.Http.SendAsync(request);

        await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.RequestEntityTooLarge, RequestRefusal.TooLargeMessage(RequestBodyGuard.DefaultMaxBytes));
        Assert.Equal(0, await site.CasesAsync("長さを告げない送信"));
    }

    [Fact]
    public async Task A_staff_upload_may_go_past_one_megabyte_up_to_the_attachment_limit()
    {
        using var staff = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        var page = await staff.GetStringAsync("/admin/opinions/new");
        var form = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.AntiforgeryToken(page)!), "__RequestVerificationToken" },
            { new StringContent("Letter"), "Input.Channel" },
            { new StringContent(DateTime.Today.ToString("yyyy-MM-dd")), "Input.ReceivedOn" },
            { new StringContent("Request"), "Input.Kind" },
            { new StringContent("三メガバイトの添付"), "Input.Subject" },
            { new StringContent("手紙をスキャンしたPDFを添付します。"), "Input.Body" },
            { new StringContent("true"), "Input.Anonymous" },
        };
        var pdf = new byte[3 * 1024 * 1024];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(pdf, 0);
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Files", "letter.pdf");

        var response = await staff.Http.PostAsync("/admin/opinions/new", form);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(1, await site.CasesAsync("三メガバイトの添付"));
    }

    [Fact]
    public async Task Form_fields_that_are_not_utf8_raw_or_percent_encoded_get_400_with_a_page_and_make_no_case()
    {
        using var client = site.Host.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(client);
        var rest = string.Join('&', AbuseSite.OpinionForm(formToken, "ignored").Where(f => f.Item1 != "Input.Subject").Append(("__RequestVerificationToken", antiforgery))
            .Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        var raw = Encoding.ASCII.GetBytes("Input.Subject=").Concat(NotUtf8).Concat(Encoding.ASCII.GetBytes("&" + rest)).ToArray();
        var escaped = Encoding.ASCII.GetBytes("Input.Subject=%E6%96%FF%C3%28&" + rest);
        var before = await site.StoredAsync();

        foreach (var body in new[] { raw, escaped })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            var refused = await client.Http.PostAsync("/opinions/new?handler=Send", content);
            await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.BadRequest, RequestRefusal.BadEncoding);
        }
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task Multipart_that_is_not_utf8_has_a_broken_boundary_or_is_truncated_gets_400_and_makes_no_case()
    {
        using var client = site.Host.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(client);
        string Part(string name, string value) => $"--b0undary\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";
        var fields = string.Concat(AbuseSite.OpinionForm(formToken, "壊れたマルチパート").Append(("__RequestVerificationToken", antiforgery)).Select(f => Part(f.Item1, f.Item2)));
        var whole = Encoding.UTF8.GetBytes(fields + "--b0undary--\r\n");
        var notUtf8 = Encoding.UTF8.GetBytes(fields + "--b0undary\r\nContent-Disposition: form-data; name=\"Input.Address\"\r\n\r\n")
            .Concat(NotUtf8).Concat(Encoding.UTF8.GetBytes("\r\n--b0undary--\r\n")).ToArray();
        var truncated = whole[..(whole.Length / 2)];
        var before = await site.StoredAsync();

        foreach (var (body, boundary, sentence) in new[]
                 {
                     (notUtf8, "b0undary", RequestRefusal.BadEncoding),
                     (whole, "another-boundary", RequestRefusal.Malformed),
                     (truncated, "b0undary", RequestRefusal.Malformed),
                 })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            var refused = await client.Http.PostAsync("/opinions/new?handler=Send", content);
            await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.BadRequest, sentence);
        }
        Assert.Equal(before, await site.StoredAsync());

        // The same fields, whole and well-formed, are accepted: the refusals above were about the form of the body.
        var accepted = new ByteArrayContent(whole);
        accepted.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        Assert.Contains("data-testid=\"receipt-number\"", await (await client.Http.PostAsync("/opinions/new?handler=Send", accepted)).Content.ReadAsStringAsync());
        Assert.Equal(1, await site.CasesAsync("壊れたマルチパート"));
    }

    [Fact]
    public async Task Open311_refuses_an_oversized_or_non_utf8_post_with_its_own_error_list_and_stores_nothing()
    {
        using var client = site.Host.PublicClient();
        var cases = await site.Open311CasesAsync();
        var big = new ByteArrayContent(Encoding.ASCII.GetBytes("service_code=0101&address_string=x&description=" + new string('a', 1_100_000)));
        big.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var bad = new ByteArrayContent(Encoding.ASCII.GetBytes("service_code=0101&address_string=x&description=%C3%28"));
        bad.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var tooLarge = await client.Http.PostAsync("/open311/v2/requests.xml", big);
        var notUtf8 = await client.Http.PostAsync("/open311/v2/requests.xml", bad);

        foreach (var (response, status) in new[] { (tooLarge, 413), (notUtf8, 400) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("error")!;
            Assert.Equal(status.ToString(), error.Element("code")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(error.Element("description")!.Value));
        }
        Assert.Equal(cases, await site.Open311CasesAsync());
    }
}
