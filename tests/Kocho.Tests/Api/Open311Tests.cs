using System.Net;
using System.Text;
using System.Xml.Linq;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Api;

/// <summary>
/// An Open311 GeoReport v2 client on the public site: discovery, the service list, a service definition, a request posted
/// with its api_key, then its status read back — in JSON and XML, with the specification's errors for bad input.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ApiSite.Collection)]
public sealed class Open311Tests(ApiSite site)
{
    private const string Jurisdiction = "city.shinjuku.lg.jp";

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task A_client_discovers_the_endpoint_lists_services_posts_a_request_and_follows_it()
    {
        using var client = site.Public();
        var discovery = await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/discovery.json"));
        var endpoint = discovery.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("specification").GetString() == "http://wiki.open311.org/GeoReport_v2");
        Assert.Contains("application/json", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        var baseUrl = endpoint.GetProperty("url").GetString()!;
        Assert.Equal(new Uri(site.Host.PublicUrl, "/open311/v2").ToString(), baseUrl);

        var services = await ApiSite.ReadJsonAsync(await client.GetAsync($"{baseUrl}/services.json?jurisdiction_id={Jurisdiction}"));
        var roads = services.EnumerateArray().First(s => s.GetProperty("group").GetString()!.Contains("道路") || s.GetProperty("service_name").GetString()!.Contains("道路"));
        var code = roads.GetProperty("service_code").GetString()!;
        Assert.True(roads.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", roads.GetProperty("type").GetString());

        var definition = await ApiSite.ReadJsonAsync(await client.GetAsync($"{baseUrl}/services/{code}.json"));
        var kind = definition.GetProperty("attributes").EnumerateArray().Single();
        Assert.Equal("kind", kind.GetProperty("code").GetString());
        Assert.Contains("Complaint", kind.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));

        var posted = await client.PostAsync($"{baseUrl}/requests.json", Form(
            ("api_key", site.Open311Key), ("jurisdiction_id", Jurisdiction), ("service_code", code),
            ("lat", "35.6938"), ("long", "139.7034"), ("address_string", "新宿区歌舞伎町一丁目4番1号付近"),
            ("description", "歩道の点字ブロックが割れていて危ないです。"), ("first_name", "花子"), ("last_name", "新宿"), ("email", "hanako@example.jp"),
            ("attribute[kind]", "Complaint")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await ApiSite.ReadJsonAsync(posted))[0].GetProperty("service_request_id").GetString()!;
        var opinionCase = await site.CaseAsync(id);
        Assert.Equal("Open311", opinionCase.Channel.ToString());
        Assert.Equal("Complaint", opinionCase.Kind.ToString());
        Assert.Equal("新宿 花子", opinionCase.ContactName);
        Assert.Contains("35.6938, 139.7034", opinionCase.Body);

        var followed = await client.GetAsync($"{baseUrl}/requests/{id}.json");
        var text = await followed.Content.ReadAsStringAsync();
        var request = (await ApiSite.ReadJsonAsync(followed)).EnumerateArray().Single();
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal(code, request.GetProperty("service_code").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$", request.GetProperty("requested_datetime").GetString());
        foreach (var personal in new[] { "花子", "hanako@example.jp", "点字ブロック", "歌舞伎町" }) Assert.DoesNotContain(personal, text);

        var xml = await client.GetAsync($"{baseUrl}/requests.xml?status=open");
        Assert.Equal("text/xml", xml.Content.Headers.ContentType!.MediaType);
        var raw = await xml.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", raw, StringComparison.OrdinalIgnoreCase);
        var document = XDocument.Parse(raw);
        Assert.Equal("service_requests", document.Root!.Name.LocalName);
        Assert.Contains(document.Root.Elements("request"), r => r.Element("service_request_id")!.Value == id && r.Element("status")!.Value == "open");
        Assert.DoesNotContain(XDocument.Parse(await client.GetStringAsync($"{baseUrl}/requests.xml?status=closed")).Root!.Elements("request"), r => r.Element("service_request_id")!.Value == id);

        var servicesXml = XDocument.Parse(await client.GetStringAsync($"{baseUrl}/services.xml"));
        Assert.Equal("services", servicesXml.Root!.Name.LocalName);
        Assert.Contains(servicesXml.Root.Elements("service"), s => s.Element("service_code")!.Value == code);
    }

    [Fact]
    public async Task A_request_posted_in_xml_with_html_in_it_is_kept_as_text_and_reads_closed_once_the_section_completes_it()
    {
        using var client = site.Public();
        var code = (await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/v2/services.json")))[0].GetProperty("service_code").GetString()!;
        const string description = "<script>alert('open311')</script>\n<img src=x onerror=alert(2)>";
        var posted = await client.PostAsync("/open311/v2/requests.xml", Form(
            ("api_key", site.Open311Key), ("service_code", code), ("address_string", "\"><svg onload=alert(3)>"), ("description", description),
            ("media_url", "javascript:alert(4)")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var created = XDocument.Parse(await posted.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("service_requests", created.Name.LocalName);
        var id = created.Element("request")!.Element("service_request_id")!.Value;

        // Kept as the text it was; the staff page shows it escaped.
        var opinionCase = await site.CaseAsync(id);
        Assert.StartsWith(description + "\n\n場所: \"><svg onload=alert(3)>\n", opinionCase.Body);
        Assert.Contains("写真: javascript:alert(4)", opinionCase.Body);
        var page = await site.Admin.GetStringAsync($"/admin/opinions/{opinionCase.Id}");
        Assert.DoesNotContain("<script>alert(", page);
        Assert.DoesNotContain("<svg onload", page);
        Assert.Contains("&lt;script&gt;alert(", page);

        var open = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml")).Root!.Element("request")!;
        Assert.Equal(("open", "受付"), (open.Element("status")!.Value, open.Element("status_notes")!.Value));

        // The section completes it on the case page (it needs no answer): Open311 reads it closed.
        var closed = await site.Admin.PostFormAsync($"/admin/opinions/{opinionCase.Id}", new() { ["Comment"] = "現地を確認し、修繕を手配しました。" }, handler: "Close");
        Assert.Contains("完了にしました。", await closed.Content.ReadAsStringAsync());
        var request = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml")).Root!.Element("request")!;
        Assert.Equal(("closed", "完了（回答不要）"), (request.Element("status")!.Value, request.Element("status_notes")!.Value));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$", request.Element("updated_datetime")!.Value);
        var closedList = await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/v2/requests.json?status=closed"));
        Assert.Contains(closedList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id && r.GetProperty("status").GetString() == "closed");
        var openList = await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/v2/requests.json?status=open"));
        Assert.DoesNotContain(openList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
    }

    [Fact]
    public async Task A_NUL_character_in_a_field_or_the_address_is_a_400_in_the_specifications_error_list_and_creates_nothing()
    {
        using var client = site.Public();
        var code = (await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/v2/services.json")))[0].GetProperty("service_code").GetString()!;
        var before = await site.CaseCountAsync();
        var responses = new List<(HttpResponseMessage Response, string Format)>
        {
            (await client.PostAsync("/open311/v2/requests.xml", Form(("api_key", site.Open311Key), ("service_code", code), ("address_string", "新宿"), ("description", "街灯が\0消えています。"))), "xml"),
            (await client.PostAsync("/open311/v2/requests.json", Form(("api_key", site.Open311Key), ("service_code", code), ("address_string", "新宿"), ("description", "街灯"), ("last_name", "新\0宿"))), "json"),
            (await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "\0"), ("service_code", code), ("address_string", "新宿"), ("description", "街灯"))), "json"),
            (await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=%00"), "xml"),
            (await client.GetAsync("/open311/v2/requests.json?service_request_id=2026-%00"), "json"),
        };
        foreach (var (response, format) in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            string description;
            if (format == "xml")
            {
                var error = XDocument.Parse(body).Root!;
                Assert.Equal("errors", error.Name.LocalName);
                Assert.Equal("400", error.Element("error")!.Element("code")!.Value);
                description = error.Element("error")!.Element("description")!.Value;
            }
            else
            {
                var first = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().Single();
                Assert.Equal(400, first.GetProperty("code").GetInt32());
                description = first.GetProperty("description").GetString()!;
            }
            Assert.Contains("NUL", description);
        }
        Assert.Equal(before, await site.CaseCountAsync());
    }

    [Fact]
    public async Task Bad_requests_get_the_specifications_errors_and_create_nothing()
    {
        using var client = site.Public();
        var code = (await ApiSite.ReadJsonAsync(await client.GetAsync("/open311/v2/services.json")))[0].GetProperty("service_code").GetString()!;
        var before = await site.CaseCountAsync();
        (string, string)[] Valid(string key) => [("api_key", key), ("service_code", code), ("lat", "35.69"), ("long", "139.70"), ("description", "街灯が消えています。")];

        async Task Expect(HttpResponseMessage response, HttpStatusCode status, string format = "json")
        {
            Assert.Equal(status, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (format == "xml")
            {
                var error = XDocument.Parse(body).Root!;
                Assert.Equal("errors", error.Name.LocalName);
                Assert.Equal(((int)status).ToString(), error.Element("error")!.Element("code")!.Value);
                Assert.NotEmpty(error.Element("error")!.Element("description")!.Value);
                return;
            }
            var first = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().Single();
            Assert.Equal((int)status, first.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("description").GetString()));
        }

        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid("").Where(f => f.Item1 != "api_key").ToArray())), HttpStatusCode.Forbidden);
        await Expect(await client.PostAsync("/open311/v2/requests.xml", Form(Valid(site.Open311Key[..^3] + "xyz"))), HttpStatusCode.Forbidden, "xml");
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid(site.ReadOnlyKey))), HttpStatusCode.Forbidden);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form([.. Valid(site.Open311Key), ("jurisdiction_id", "city.example.jp")])), HttpStatusCode.NotFound);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid(site.Open311Key).Select(f => f.Item1 == "service_code" ? (f.Item1, "9999") : f).ToArray())), HttpStatusCode.BadRequest);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid(site.Open311Key).Where(f => f.Item1 is not ("lat" or "long")).ToArray())), HttpStatusCode.BadRequest);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid(site.Open311Key).Select(f => f.Item1 == "lat" ? (f.Item1, "北緯35度") : f).ToArray())), HttpStatusCode.BadRequest);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form([.. Valid(site.Open311Key), ("attribute[kind]", "Praise")])), HttpStatusCode.BadRequest);
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form(Valid(site.Open311Key).Where(f => f.Item1 != "description").ToArray())), HttpStatusCode.BadRequest);
        await Expect(await client.PostAsync("/open311/v2/requests.xml", new StringContent($"<service_request><api_key>{site.Open311Key}</api_key><service_code>{code}</service_code>", Encoding.UTF8, "text/xml")), HttpStatusCode.BadRequest, "xml");
        await Expect(await client.PostAsync("/open311/v2/requests.json", Form([.. Valid(site.Open311Key), ("media_url", new string('x', 70_000))])), HttpStatusCode.RequestEntityTooLarge);
        await Expect(await client.GetAsync($"/open311/v2/services/9999.xml"), HttpStatusCode.NotFound, "xml");
        await Expect(await client.GetAsync($"/open311/v2/services.json?jurisdiction_id=city.example.jp"), HttpStatusCode.NotFound);
        await Expect(await client.GetAsync("/open311/v2/services.csv"), HttpStatusCode.BadRequest);
        await Expect(await client.GetAsync("/open311/v2/requests/2026-999999.json"), HttpStatusCode.NotFound);
        await Expect(await client.GetAsync("/open311/v2/requests.json?status=lost"), HttpStatusCode.BadRequest);
        await Expect(await client.GetAsync("/open311/v2/requests.json?start_date=yesterday"), HttpStatusCode.BadRequest);

        Assert.Equal(before, await site.CaseCountAsync());

        // A case that did not come through Open311 is not visible there, even by its 受付番号.
        using var staff = site.Staff(site.FullKey);
        var other = (await ApiSite.ReadJsonAsync(await staff.PostAsync("/api/v1/cases", ApiSite.Json(new
        {
            channel = "Letter", subject = "手紙", body = "区長への手紙です。", sender = "Anonymous",
        })))).GetProperty("receiptNumber").GetString();
        await Expect(await client.GetAsync($"/open311/v2/requests/{other}.json"), HttpStatusCode.NotFound);
    }
}
