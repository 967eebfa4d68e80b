using System.Net;
using System.Text;
using Kocho.Faq.Entries;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Api;

/// <summary>
/// Integrations use the staff REST API as the call center's telephony or a department's system would: keys issued by an
/// administrator, cases registered and read back with status and history, department isolation, audit, limits, bad input.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ApiSite.Collection)]
public sealed class StaffApiTests(ApiSite site)
{
    private static object NewCase(string subject, string? department = null) => new
    {
        kind = "Inquiry", channel = "Phone", subject, body = "窓口の受付時間を教えてください。折り返しは夕方にお願いします。",
        toMayor = department is null, departmentCode = department, sender = "Contact", name = "新宿 花子", phone = "03-1234-5678",
        wantsAnswer = true, answerMethod = "Phone",
    };

    [Fact]
    public async Task An_administrator_issues_a_key_that_is_shown_once_and_stored_only_as_a_keyed_hash()
    {
        var keys = await site.KeysAsync();
        var full = Assert.Single(keys, k => k.Name == "総合テスト連携");
        Assert.StartsWith(full.Prefix + "_", site.FullKey);
        Assert.DoesNotContain(keys, k => k.SecretHash.Contains(site.FullKey) || site.FullKey.Contains(k.SecretHash));
        Assert.Equal("cases:read cases:write cases:personal faq:read", full.Scopes);
        Assert.NotNull(Assert.Single(keys, k => k.Name == "戸籍住民課システム").DepartmentId);

        var page = await site.Admin.GetStringAsync("/admin/api/keys");
        Assert.Contains(full.Prefix, page);
        Assert.DoesNotContain(site.FullKey, page);

        // Bad input: no name, no scope, a number that is not one — every error shown, nothing issued.
        var response = await site.Admin.PostFieldsAsync("/admin/api/keys", [("Input.Name", ""), ("Input.RequestsPerMinute", "たくさん")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("連携先の名前を入力してください。", html);
        Assert.Contains("許可する操作（スコープ）を1つ以上選んでください。", html);
        Assert.Contains("1分あたりの上限は1から10,000までの数字で入力してください。", html);
        Assert.DoesNotContain("data-testid=\"issued-key\"", html);
        Assert.Equal(keys.Count, (await site.KeysAsync()).Count);

        // Revoked on the page, the key stops working at its next call.
        var temporary = await site.IssueAsync("一時的な連携", ["cases:read"]);
        using var api = site.Staff(temporary);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
        var id = (await site.KeysAsync()).Single(k => k.Name == "一時的な連携").Id;
        var revoked = await site.Admin.PostFormAsync($"/admin/api/keys?id={id}", new(), formPage: "/admin/api/keys", handler: "Revoke");
        Assert.Contains("data-testid=\"key-revoked\"", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Contains(await site.AuditAsync("api.key.revoked"), r => r.EntityId == id.ToString());
    }

    [Fact]
    public async Task A_case_registered_through_the_api_is_read_back_with_status_history_and_audited_personal_data()
    {
        using var api = site.Staff(site.FullKey);
        var created = await api.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("APIからの問合せ")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ApiSite.ReadJsonAsync(created);
        var receipt = body.GetProperty("receiptNumber").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("Phone", (await site.CaseAsync(receipt)).Channel.ToString());

        // By id and by 受付番号: status, no personal data unless asked for.
        foreach (var key in new[] { id, receipt })
        {
            var detail = await ApiSite.ReadJsonAsync(await api.GetAsync($"/api/v1/cases/{key}"));
            Assert.Equal(receipt, detail.GetProperty("receiptNumber").GetString());
            Assert.Equal("Received", detail.GetProperty("status").GetString());
            Assert.Equal("受付", detail.GetProperty("statusLabel").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, detail.GetProperty("contact").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, detail.GetProperty("body").ValueKind);
        }
        var history = await ApiSite.ReadJsonAsync(await api.GetAsync($"/api/v1/cases/{receipt}/history"));
        var first = history.GetProperty("items")[0];
        Assert.Equal("Received", first.GetProperty("action").GetString());
        Assert.Equal("API: 総合テスト連携", first.GetProperty("actorName").GetString());

        var viewsBefore = (await site.AuditAsync("opinion.personal.viewed")).Count;
        var personal = await ApiSite.ReadJsonAsync(await api.GetAsync($"/api/v1/cases/{id}?include=personal"));
        Assert.Equal("新宿 花子", personal.GetProperty("contact").GetProperty("name").GetString());
        Assert.Contains("受付時間", personal.GetProperty("body").GetString());
        var views = await site.AuditAsync("opinion.personal.viewed");
        Assert.Equal(viewsBefore + 1, views.Count);
        Assert.StartsWith("API: 総合テスト連携", views[^1].ActorName);
        var calls = await site.AuditAsync("api.call");
        Assert.Contains(calls, c => c.Details!.StartsWith($"GET /api/v1/cases/{id} → 200", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Details!.StartsWith("POST /api/v1/cases → 201", StringComparison.Ordinal));

        var list = await ApiSite.ReadJsonAsync(await api.GetAsync($"/api/v1/cases?channel=Phone&status=Received&receiptNumber={receipt}"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        // The staff API is not on the public listener.
        using var outside = site.Public(site.FullKey);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/v1/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_key_limited_to_a_department_sees_and_registers_only_that_departments_cases()
    {
        using var department = site.Staff(site.DepartmentKey);
        using var full = site.Staff(site.FullKey);
        var own = await ApiSite.ReadJsonAsync(await department.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("戸籍住民課システムから"))));
        var ownReceipt = own.GetProperty("receiptNumber").GetString()!;
        var ownCase = await site.CaseAsync(ownReceipt);
        Assert.False(ownCase.ToMayor);
        Assert.Single(ownCase.Forwardings); // arrived forwarded to the key's own department

        var other = await ApiSite.ReadJsonAsync(await full.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("ごみの問合せ", ApiSite.OtherDepartment))));
        var otherId = other.GetProperty("id").GetString()!;
        var otherReceipt = other.GetProperty("receiptNumber").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/v1/cases/{ownReceipt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/cases/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/cases/{otherReceipt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/cases/{otherId}/history")).StatusCode);
        var listed = await ApiSite.ReadJsonAsync(await department.GetAsync("/api/v1/cases?pageSize=200"));
        var receipts = listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("receiptNumber").GetString()).ToList();
        Assert.Contains(ownReceipt, receipts);
        Assert.DoesNotContain(otherReceipt, receipts);

        // Nor can it put a case into another department.
        var before = await site.CaseCountAsync();
        var refused = await department.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("よその課へ", ApiSite.OtherDepartment)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("departmentCode", (await ApiSite.ReadJsonAsync(refused)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await site.CaseCountAsync());
    }

    [Fact]
    public async Task Bad_input_wrong_keys_and_scopes_get_the_documented_errors_and_change_nothing()
    {
        using var api = site.Staff(site.FullKey);
        var existing = (await ApiSite.ReadJsonAsync(await api.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("既にある問合せ"))))).GetProperty("id").GetString();
        var before = await site.CaseCountAsync();

        async Task<System.Text.Json.JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            Assert.Equal(status, response.StatusCode);
            var error = await ApiSite.ReadJsonAsync(response);
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            return error;
        }

        await Expect(await api.PostAsync("/api/v1/cases", new StringContent("{\"subject\": \"閉じていない", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalid_json");
        await Expect(await api.PostAsync("/api/v1/cases", new StringContent("{\"subjekt\": \"綴り違い\", \"channel\": \"Phone\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalid_json");
        await Expect(await api.PostAsync("/api/v1/cases", new StringContent("{\"channel\": \"Pigeon\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalid_json");
        var invalid = await Expect(await api.PostAsync("/api/v1/cases", ApiSite.Json(new { channel = "Phone", subject = "", body = "", sender = "Contact" })), HttpStatusCode.BadRequest, "invalid_input");
        var fields = invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("subject", fields);
        Assert.Contains("body", fields);
        Assert.Contains("name", fields);
        var webChannel = await Expect(await api.PostAsync("/api/v1/cases", ApiSite.Json(new { channel = "WebForm", subject = "件名", body = "本文", sender = "Anonymous" })), HttpStatusCode.BadRequest, "invalid_input");
        Assert.True(webChannel.GetProperty("errors").TryGetProperty("channel", out _));
        await Expect(await api.PostAsync("/api/v1/cases", ApiSite.Json(new { channel = "Phone", subject = "件名", body = new string('あ', 70_000), sender = "Anonymous" })), HttpStatusCode.RequestEntityTooLarge, "too_large");
        await Expect(await api.PostAsync("/api/v1/cases", new StringContent("<case/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await Expect(await api.GetAsync("/api/v1/cases?status=Lost&page=0"), HttpStatusCode.BadRequest, "invalid_input");

        using var anonymous = site.Staff();
        var missing = await anonymous.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("鍵なし")));
        await Expect(missing, HttpStatusCode.Unauthorized, "missing_key");
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        using var forged = site.Staff(site.FullKey[..^4] + "AAAA");
        await Expect(await forged.GetAsync("/api/v1/cases"), HttpStatusCode.Unauthorized, "invalid_key");
        using var readOnly = site.Staff(site.ReadOnlyKey);
        await Expect(await readOnly.PostAsync("/api/v1/cases", ApiSite.Json(NewCase("閲覧キーで登録"))), HttpStatusCode.Forbidden, "insufficient_scope");
        await Expect(await readOnly.GetAsync("/api/v1/faq/search?q=住民票"), HttpStatusCode.Forbidden, "insufficient_scope");
        await Expect(await readOnly.GetAsync($"/api/v1/cases/{existing}?include=personal"), HttpStatusCode.Forbidden, "insufficient_scope");
        await Expect(await api.GetAsync($"/api/v1/cases/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(before, await site.CaseCountAsync());
        Assert.NotEmpty(await site.AuditAsync("api.key.refused"));
        Assert.NotEmpty(await site.AuditAsync("api.scope.refused"));
    }

    [Fact]
    public async Task Html_in_a_json_body_is_kept_as_text_and_a_NUL_character_is_a_400_that_saves_nothing()
    {
        using var api = site.Staff(site.FullKey);
        const string subject = "<script>alert('件名')</script>";
        const string text = "<img src=x onerror=alert(1)>\n\"><svg onload=alert(2)>";
        var created = await api.PostAsync("/api/v1/cases", ApiSite.Json(new
        {
            kind = "Opinion", channel = "Letter", subject, body = text, sender = "Contact", name = "<b>新宿</b> 花子", postalCode = "160-0022", address = "<iframe src=x>",
            wantsAnswer = true, answerMethod = "Letter",
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ApiSite.ReadJsonAsync(created)).GetProperty("id").GetString()!;

        // Stored as the text it was, read back as that text, and never as markup in the JSON itself.
        var stored = await site.CaseAsync((await ApiSite.ReadJsonAsync(created)).GetProperty("receiptNumber").GetString()!);
        Assert.Equal((subject, text, "<b>新宿</b> 花子"), (stored.Subject, stored.Body, stored.ContactName));
        var read = await api.GetAsync($"/api/v1/cases/{id}?include=personal");
        var raw = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", raw);
        Assert.DoesNotContain("<img", raw);
        var detail = await ApiSite.ReadJsonAsync(read);
        Assert.Equal(subject, detail.GetProperty("subject").GetString());
        Assert.Equal(text, detail.GetProperty("body").GetString());
        Assert.Equal("<iframe src=x>", detail.GetProperty("contact").GetProperty("address").GetString());

        // The staff page shows it escaped.
        var page = await site.Admin.GetStringAsync($"/admin/opinions/{id}");
        Assert.DoesNotContain("<script>alert(", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;script&gt;alert(", page);

        // A NUL character (which PostgreSQL cannot store in text) is the documented 400, in any field, before anything is saved.
        var before = await site.CaseCountAsync();
        foreach (var (field, json) in new[]
                 {
                     ("subject", "{\"channel\": \"Phone\", \"subject\": \"件名\\u0000のあと\", \"body\": \"本文\", \"sender\": \"Anonymous\"}"),
                     ("body", "{\"channel\": \"Phone\", \"subject\": \"件名\", \"body\": \"\\u0000\", \"sender\": \"Anonymous\"}"),
                     ("departmentCode", "{\"channel\": \"Phone\", \"subject\": \"件名\", \"body\": \"本文\", \"sender\": \"Anonymous\", \"toMayor\": false, \"departmentCode\": \"05\\u000002\"}"),
                     ("categoryCodes", "{\"channel\": \"Phone\", \"subject\": \"件名\", \"body\": \"本文\", \"sender\": \"Anonymous\", \"categoryCodes\": [\"\\u0000\"]}"),
                 })
        {
            var refused = await api.PostAsync("/api/v1/cases", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = await ApiSite.ReadJsonAsync(refused);
            Assert.Equal("invalid_input", error.GetProperty("code").GetString());
            Assert.Contains("NUL", error.GetProperty("errors").GetProperty(field).GetString());
        }
        // In the address too: the API's own JSON error.
        var query = await api.GetAsync("/api/v1/cases?receiptNumber=2026-%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("invalid_character", (await ApiSite.ReadJsonAsync(query)).GetProperty("code").GetString());
        Assert.Equal(before, await site.CaseCountAsync());
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after()
    {
        using var api = site.Staff(site.TinyKey);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
        var refused = await api.GetAsync("/api/v1/cases");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate_limited", (await ApiSite.ReadJsonAsync(refused)).GetProperty("code").GetString());
        // Another key is not affected.
        using var other = site.Staff(site.ReadOnlyKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task The_faq_search_finds_internal_entries_that_the_public_api_does_not()
    {
        await using (var scope = site.Host.Services.CreateAsyncScope())
        {
            var faq = scope.ServiceProvider.GetRequiredService<FaqService>();
            var actor = FaqActor.SystemActor("テスト");
            var entry = await faq.CreateAsync(new FaqInput
            {
                Question = "電話システムの障害時に折り返し番号を控える手順は？", Answer = "内部手順書の第3章に従い、折り返し番号を紙の受付票に記入します。<script>alert(3)</script>",
                Department = ApiSite.Department, Visibility = FaqVisibility.Internal,
            }, actor);
            await faq.PublishDirectlyAsync(entry.Number, null, actor);
        }
        using var api = site.Staff(site.FullKey);
        System.Text.Json.JsonElement found = default;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            found = await ApiSite.ReadJsonAsync(await api.GetAsync("/api/v1/faq/search?q=折り返し番号"));
            if (found.GetProperty("total").GetInt32() > 0) break;
            await Task.Delay(250);
        }
        var item = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("question").GetString()!.Contains("電話システムの障害時"));
        Assert.Equal("Internal", item.GetProperty("visibility").GetString());
        // The snippet is HTML for an integration to show: its text is encoded, only the highlight is markup.
        var snippet = item.GetProperty("answerSnippetHtml").GetString()!;
        Assert.Contains("<mark>", snippet);
        Assert.DoesNotContain("<script", snippet);

        using var visitor = site.Public();
        Assert.DoesNotContain("電話システムの障害時", await visitor.GetStringAsync("/api/faq/search?q=折り返し番号"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/faq/search?q=")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_apis_and_the_reference_page_is_served_from_the_staff_site()
    {
        using var staff = site.Staff();
        var document = await ApiSite.ReadJsonAsync(await staff.GetAsync("/api/v1/openapi.json"));
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/history", "/api/v1/faq/search",
                     "/open311/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{service_code}.{format}",
                     "/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}" })
        {
            Assert.Contains(path, paths);
        }
        Assert.DoesNotContain("/api/faq/search", paths);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
        var create = document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("post");
        Assert.Contains("cases:write", create.GetProperty("description").GetString());
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("schema").GetProperty("properties").TryGetProperty("service_code", out _));
        Assert.Equal(site.Host.PublicUrl.GetLeftPart(UriPartial.Authority),
            document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("servers")[0].GetProperty("url").GetString());

        // Every Open311 operation lists its errors (429 included: the public site limits reads too) with the error list's schema.
        foreach (var path in new[] { "/open311/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{service_code}.{format}",
                     "/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}" })
        {
            var responses = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses");
            foreach (var status in new[] { "400", "429" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{path} GET does not list {status}");
                Assert.True(response.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), $"{path} GET {status} has no schema");
            }
        }

        var webhooks = document.GetProperty("webhooks").EnumerateObject().Select(w => w.Name).ToList();
        Assert.Equal(["case.received", "case.forwarded", "case.answered", "case.closed", "faq.published"], webhooks);

        using var visitor = site.Public();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/api/v1/openapi.json")).StatusCode);

        var page = await site.Admin.GetStringAsync("/admin/api/reference");
        Assert.Contains("src=\"/assets/Kocho.Api/reference.js\"", page);
        var script = await site.Admin.GetAsync("/assets/Kocho.Api/reference.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("openapi", (await script.Content.ReadAsStringAsync()).ToLowerInvariant());
    }
}
