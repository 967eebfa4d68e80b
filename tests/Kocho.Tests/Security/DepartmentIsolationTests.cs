using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kocho.Faq.Data;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>
/// OWASP ASVS V4.2 (IDOR): staff of ごみ減量リサイクル課 (A) try every door to 戸籍住民課's (B) cases and FAQ drafts — ids in
/// URLs, B's department id in filters, search, CSV exports, reports, workflow posts with a valid token, and /api/v1 with a
/// key limited to A. Each is 404 (or 403 / /admin/denied) with nothing of B in the answer, and nothing of B changes.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DepartmentIsolationTests(SecuritySite site)
{
    private static readonly Who[] DepartmentA = [Who.Department, Who.Approver];

    [Fact]
    public async Task Department_A_cannot_open_B_cases_by_id()
    {
        var paths = new[]
        {
            $"/admin/opinions/{site.CaseB}",
            $"/admin/opinions/{site.AnsweredCaseB}",
            $"/admin/opinions/{site.CaseB}/letter",
            $"/admin/opinions/{site.AnsweredCaseB}/letter",
            $"/admin/opinions/{site.CaseB}/attachments/{site.AttachmentB}",
            $"/admin/opinions/{site.CaseA}/attachments/{site.AttachmentB}",
            $"/admin/privacy/faq-draft/{site.CaseB}",
            $"/admin/privacy/faq-draft/{site.AnsweredCaseB}",
        };
        var secrets = await SecretsOfBAsync();
        foreach (var who in DepartmentA)
        {
            foreach (var path in paths)
            {
                using var response = await site.Sessions[who].Staff.GetAsync(path);
                AssertRefused(response, $"{who} GET {path}");
                AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), $"{who} GET {path}");
            }
        }
        // The same pages open for A's own case: the refusals above are about B, not about the pages.
        using var own = await site.Sessions[Who.Department].Staff.GetAsync($"/admin/opinions/{site.CaseA}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Lists_history_and_search_ignore_B_in_their_filters()
    {
        var b = site.DepartmentBId;
        var paths = new List<string>
        {
            $"/admin/opinions/search?department={b}",
            $"/admin/opinions/search?receipt={site.ReceiptB}",
            $"/admin/opinions/search?text={Uri.EscapeDataString(SecuritySite.SecretOfB)}",
            $"/admin/opinions/history?receipt={site.ReceiptB}",
            $"/admin/opinions/history?q={Uri.EscapeDataString(SecuritySite.SecretOfB)}",
            $"/admin/reports?department={b}",
            $"/admin/reports/departments?department={b}",
            $"/admin/reports/exports?export=opinions&department={b}",
        };
        foreach (var tab in Enum.GetNames<Kocho.Opinions.Cases.CaseListTab>())
        {
            paths.Add($"/admin/opinions?tab={tab}&department={b}");
            paths.Add($"/admin/opinions?tab={tab}&receipt={site.ReceiptB}");
        }
        var secrets = await SecretsOfBAsync();
        foreach (var who in DepartmentA)
        {
            foreach (var path in paths)
            {
                using var response = await site.Sessions[who].Staff.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} GET {path}: {(int)response.StatusCode}");
                AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), $"{who} GET {path}");
            }
        }

        // The section finds B's case with the same search and list, so the filters above did reach the data.
        var section = site.Sessions[Who.Section].Staff;
        Assert.Contains(site.ReceiptB, await section.GetStringAsync($"/admin/opinions?tab=Mine&department={b}&receipt={site.ReceiptB}"));
        await WaitForAsync(async () => (await section.GetStringAsync($"/admin/opinions/search?text={Uri.EscapeDataString(SecuritySite.SecretOfB)}")).Contains(site.ReceiptB));
        // And A's own list shows A's case.
        Assert.Contains(site.ReceiptA, await site.Sessions[Who.Department].Staff.GetStringAsync($"/admin/opinions?tab=Mine&receipt={site.ReceiptA}"));
    }

    [Fact]
    public async Task A_CSV_export_asked_for_B_holds_only_A()
    {
        var secrets = await SecretsOfBAsync();
        using var client = site.Sessions[Who.Department].Client(site.Host.StaffUrl);
        foreach (var export in new[] { "opinions", "history" })
        {
            var prepared = await client.PostFormAsync($"/admin/reports/exports?export={export}&department={site.DepartmentBId}", [], handler: "Prepare");
            var job = prepared.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.Matches("^/admin/reports/exports/[0-9a-f-]{36}$", job);
            string csv = "";
            await WaitForAsync(async () =>
            {
                using var download = await site.Sessions[Who.Department].Staff.GetAsync(job + "?handler=Download");
                if (download.StatusCode != HttpStatusCode.OK) return false;
                csv = await download.Content.ReadAsStringAsync();
                return true;
            });
            Assert.Contains(site.ReceiptA, csv);
            AssertNothingOf(secrets, csv, $"export {export} with B's department id");

            // Another person's export job is not there for them: the section's job is 404 to A.
            using var others = await site.Sessions[Who.Department].Staff.GetAsync($"/admin/reports/exports/{site.ExportJobOfSection}?handler=Download");
            Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        }
    }

    [Fact]
    public async Task Workflow_posts_on_B_cases_are_refused_and_change_nothing()
    {
        var before = await CaseStateAsync(site.CaseB, site.AnsweredCaseB);
        var fields = new Dictionary<string, string>
        {
            ["Text"] = "不正な回答案", ["Comment"] = "不正な操作", ["HandlingKind"] = "Answer", ["LeadDepartmentId"] = site.DepartmentAId.ToString(),
            ["DueOn"] = "2030-01-01", ["EntryAction"] = "Note", ["ConfirmProhibited"] = "true",
        };
        var handlers = new[] { "Forward", "ReturnForwarding", "Due", "Handling", "Draft", "Submit", "Approve", "ReturnAnswer", "Send", "Close", "Entry", "Correct" };
        foreach (var who in DepartmentA)
        {
            foreach (var id in new[] { site.CaseB, site.AnsweredCaseB })
            {
                foreach (var handler in handlers)
                {
                    using var response = await PostWithTokenAsync(site.Sessions[who], $"/admin/opinions/{id}?handler={handler}", fields);
                    AssertRefused(response, $"{who} POST {handler} on a case of B");
                }
            }
            using var draft = await PostWithTokenAsync(site.Sessions[who], $"/admin/privacy/faq-draft/{site.CaseB}",
                new() { ["Input.Question"] = "質問", ["Input.Answer"] = "回答", ["Input.Department"] = SecuritySite.DepartmentA, ["Input.Category"] = site.CategoryCode });
            AssertRefused(draft, $"{who} POST faq-draft from a case of B");
        }
        Assert.Equal(before, await CaseStateAsync(site.CaseB, site.AnsweredCaseB));
    }

    [Fact]
    public async Task B_FAQ_draft_cannot_be_read_edited_or_approved_by_A()
    {
        var n = site.FaqDraftOfB;
        var secrets = new[] { SecuritySite.SecretOfB };
        var before = await FaqStateAsync(n);
        foreach (var who in DepartmentA)
        {
            var session = site.Sessions[who];
            foreach (var path in new[] { $"/admin/faq/{n}", $"/admin/faq/{n}/diff?from=1&to=1", $"/admin/faq/edit/{n}" })
            {
                using var response = await session.Staff.GetAsync(path);
                AssertRefused(response, $"{who} GET {path}");
                AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), $"{who} GET {path}");
            }
            foreach (var path in new[] { $"/admin/faq?Filter.Q={Uri.EscapeDataString(SecuritySite.SecretOfB)}", "/admin/faq", "/admin/faq?Filter.Status=Pending",
                         $"/admin/faq/search?q={Uri.EscapeDataString(SecuritySite.SecretOfB)}", "/admin/faq/approvals", "/admin/faq/reviews" })
            {
                using var response = await session.Staff.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK) AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), $"{who} GET {path}");
                else AssertRefused(response, $"{who} GET {path}");
            }
            foreach (var handler in new[] { "Submit", "Approve", "Return", "Publish", "Unpublish", "Reviewed", "Restore" })
            {
                using var response = await PostWithTokenAsync(session, $"/admin/faq/{n}?handler={handler}", new() { ["Comment"] = "承認します", ["version"] = "1" });
                AssertRefused(response, $"{who} POST {handler} on B's FAQ draft");
            }
            using var edit = await PostWithTokenAsync(session, $"/admin/faq/edit/{n}", new()
            {
                ["Input.Question"] = "書き換えた質問", ["Input.Answer"] = "書き換えた回答", ["Input.Category"] = site.CategoryCode,
                ["Input.Department"] = SecuritySite.DepartmentB, ["Input.Visibility"] = "Public",
            });
            AssertRefused(edit, $"{who} POST edit of B's FAQ draft");
        }

        // Nor can A create an entry in B's name.
        var entriesOfB = await site.InScopeAsync(sp => sp.GetRequiredService<FaqDbContext>().Entries.CountAsync(e => e.OwnerDepartmentId == site.DepartmentBId));
        using (await PostWithTokenAsync(site.Sessions[Who.Department], "/admin/faq/edit", new()
        {
            ["Input.Question"] = "Bの名前で作るFAQ", ["Input.Answer"] = "回答", ["Input.Category"] = site.CategoryCode,
            ["Input.Department"] = SecuritySite.DepartmentB, ["Input.Visibility"] = "Public",
        })) { }
        Assert.Equal(entriesOfB, await site.InScopeAsync(sp => sp.GetRequiredService<FaqDbContext>().Entries.CountAsync(e => e.OwnerDepartmentId == site.DepartmentBId)));

        // The draft is not on the public site either.
        foreach (var path in new[] { $"/faq/{n}", $"/api/faq/{n}", $"/api/faq/search?q={Uri.EscapeDataString(SecuritySite.SecretOfB)}" })
        {
            using var response = await site.Sessions[Who.Anonymous].Public.GetAsync(path);
            AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), "public GET " + path);
        }
        Assert.Equal(before, await FaqStateAsync(n));
    }

    [Fact]
    public async Task An_API_key_limited_to_A_sees_and_writes_only_A()
    {
        using var admin = site.Sessions[Who.Admin].Client(site.Host.StaffUrl);
        var issued = await admin.PostFieldsAsync("/admin/api/keys", [("Input.Name", "ごみ減量リサイクル課システム"), ("Input.DepartmentCode", SecuritySite.DepartmentA),
            ("Input.RequestsPerMinute", ""), ("Input.Scopes", "cases:read"), ("Input.Scopes", "cases:write"), ("Input.Scopes", "cases:personal")]);
        var key = Regex.Match(await issued.Content.ReadAsStringAsync(), "data-testid=\"issued-key\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(key);
        using var api = new HttpClient { BaseAddress = site.Host.StaffUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var secrets = await SecretsOfBAsync();

        foreach (var path in new[] { $"/api/v1/cases/{site.CaseB}", $"/api/v1/cases/{site.ReceiptB}", $"/api/v1/cases/{site.CaseB}?include=personal",
                     $"/api/v1/cases/{site.CaseB}/history", $"/api/v1/cases/{site.ReceiptB}/history?include=personal", $"/api/v1/cases/{site.AnsweredCaseB}" })
        {
            using var response = await api.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)response.StatusCode}");
            AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), "GET " + path);
        }
        foreach (var path in new[] { $"/api/v1/cases?department={SecuritySite.DepartmentB}", $"/api/v1/cases?receiptNumber={site.ReceiptB}", "/api/v1/cases?pageSize=200" })
        {
            using var response = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertNothingOf(secrets, await response.Content.ReadAsStringAsync(), "GET " + path);
        }
        using (var own = await api.GetAsync($"/api/v1/cases/{site.CaseA}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        var cases = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync());
        using var create = await api.PostAsync("/api/v1/cases", new StringContent(JsonSerializer.Serialize(new
        {
            channel = "Letter", kind = "Request", subject = "Bあての登録", body = "本文", sender = "Anonymous", departmentCode = SecuritySite.DepartmentB,
        }), Encoding.UTF8, "application/json"));
        Assert.True((int)create.StatusCode is 400 or 403 or 422, $"POST /api/v1/cases for B: {(int)create.StatusCode}");
        Assert.Equal(cases, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync()));
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        var location = AuthorizationMatrixTests.PathOf(response.Headers.Location);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || location == "/admin/denied",
            $"{what}: expected 404/403/denied, got {(int)response.StatusCode} {location}");
    }

    /// <summary>What the page shows: the form fields and links that echo the asked-for filter (B's receipt, B's text) are not data of B.</summary>
    private static void AssertNothingOf(IReadOnlyCollection<string> secrets, string body, string what)
    {
        body = Regex.Replace(body, "(value|href)=\"[^\"]*\"", "");
        var leaked = secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, $"{what} shows B's data: {string.Join(", ", leaked.Take(5))}");
    }

    /// <summary>B's marker text and the receipt numbers of every case that reached B and never A.</summary>
    private async Task<IReadOnlyCollection<string>> SecretsOfBAsync()
    {
        var a = site.DepartmentAId;
        var b = site.DepartmentBId;
        var receipts = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases
            .Where(c => c.Forwardings.Any(f => f.DepartmentId == b) && !c.Forwardings.Any(f => f.DepartmentId == a) && c.LeadDepartmentId != a)
            .Select(c => c.ReceiptNumber).ToListAsync());
        Assert.Contains(site.ReceiptB, receipts);
        return [SecuritySite.SecretOfB, .. receipts];
    }

    private Task<string> CaseStateAsync(params Guid[] ids) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OpinionsDbContext>();
        var parts = new List<string>();
        foreach (var id in ids)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.Forwardings).SingleAsync(x => x.Id == id);
            parts.Add($"{c.Status} {c.LeadDepartmentId} {c.AnswerDue} " + string.Join(",", c.Forwardings.OrderBy(f => f.Id).Select(f => $"{f.DepartmentId}:{f.Status}:{f.DueOn}")));
            parts.Add("history " + await db.History.CountAsync(h => h.CaseId == id));
            parts.Add("answers " + string.Join(",", await db.Answers.Where(x => x.CaseId == id).OrderBy(x => x.Id).Select(x => x.Status + ":" + x.Text).ToListAsync()));
        }
        return string.Join("\n", parts);
    });

    private Task<string> FaqStateAsync(int number) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<FaqDbContext>();
        var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Number == number);
        var versions = await db.Versions.AsNoTracking().Where(v => v.EntryId == entry.Id).OrderBy(v => v.VersionNumber).Select(v => v.VersionNumber + ":" + v.Status + ":" + v.Question).ToListAsync();
        var history = await db.History.CountAsync(h => h.EntryId == entry.Id);
        return $"{entry.OwnerDepartmentId} {entry.PublishedVersionId} {entry.WorkingVersionId} {string.Join(",", versions)} history {history}";
    });

    /// <summary>Posts as the session's browser would: with the token of a staff page it can open, without following redirects.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(Session session, string path, Dictionary<string, string> fields)
    {
        var page = await session.Staff.GetStringAsync("/admin");
        var token = PortalClient.AntiforgeryToken(page) ?? throw new InvalidOperationException("no token on /admin");
        return await session.Staff.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not hold within 10 seconds.");
    }
}
