using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kocho.Core.Audit;
using Kocho.Core.Departments;
using Kocho.Faq.Entries;
using Kocho.Integrations.Data;
using Kocho.Integrations.Webhooks;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Integrations;

/// <summary>
/// Webhooks to a real HTTPS receiver: an administrator registers it on the admin page, the case's life (受付 → 転送 →
/// 回答 → 完了) reaches it signed with the endpoint's secret and without personal data, a 500 is retried, and every
/// attempt shows in the delivery log.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class WebhookTests(WebhookSite site) : IClassFixture<WebhookSite>
{
    private const string Name = "新宿 一郎";
    private const string Phone = "03-1111-2222";
    private const string Email = "ichiro.shinjuku@example.com";
    private const string Address = "新宿区歌舞伎町1-4-1";
    private const string Body = "家の前の道路に穴があいています。新宿 一郎（03-1111-2222）";

    [GeneratedRegex("data-testid=\"webhook-secret\">([^<]+)<")]
    private static partial Regex SecretPattern();

    private async Task<(Guid Id, string Secret)> RegisterAsync(string name, params string[] events)
    {
        using var admin = await site.Host.SignedInStaffAsync();
        var response = await admin.PostFieldsAsync("/admin/integrations/webhooks",
            [("Input.Name", name), ("Input.Url", site.Receiver.Url(name)), .. events.Select(e => ("Input.Events", e))]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("whsec_", secret);
        var id = await site.InScopeAsync(sp => sp.GetRequiredService<IntegrationsDbContext>().WebhookEndpoints.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());
        return (id, secret);
    }

    private Task<IntakeResult> ReceiveAsync(string subject) => site.InScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<IntakeService>().RegisterAsync(CaseActor.System("テスト"), new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Request, Subject = subject, Body = Body, Sender = SenderKind.Contact,
            Name = Name, Address = Address, Phone = Phone, Email = Email, WantsAnswer = true, AnswerMethod = AnswerMethod.Email,
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result;
    });

    /// <summary>Checks the signature as a receiver would, with its own HMAC: <c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>.</summary>
    private static void AssertSigned(WebhookReceiver.Received request, string secret)
    {
        var parts = request.Headers[WebhookSignature.Header].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -5, 60);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, parts["v1"]);
    }

    [Fact]
    public async Task An_administrator_registers_an_endpoint_and_the_cases_life_reaches_it_signed_and_without_personal_data()
    {
        using (var admin = await site.Host.SignedInStaffAsync())
        {
            var forged = await admin.Http.PostAsync("/admin/integrations/webhooks", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Input.Name"] = "forged", ["Input.Url"] = site.Receiver.Url("forged"), ["Input.Events"] = WebhookEvents.CaseReceived }));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            var bad = await admin.PostFieldsAsync("/admin/integrations/webhooks", [("Input.Name", ""), ("Input.Url", "http://127.0.0.1/plain"), ("Input.Events", "case.deleted")]);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("名前を入力してください。", html);
            Assert.Contains("送信先は https:// で始まるURLで入力してください", html);
            Assert.Contains("出来事「case.deleted」はありません。", html);
            Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<IntegrationsDbContext>().WebhookEndpoints.CountAsync(e => e.Name == "forged" || e.Name == "")));
        }
        var (endpoint, secret) = await RegisterAsync("lifecycle", [.. WebhookEvents.All]);
        Assert.True(await site.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AnyAsync(r => r.Action == "integrations.webhook.created" && r.EntityId == endpoint.ToString())));
        Assert.NotEqual(secret, await site.InScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<IntegrationsDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Secret\" FROM integration_webhook_endpoints WHERE \"Name\" = 'lifecycle'";
            return (string)(await command.ExecuteScalarAsync())!;
        }));

        const string subject = "家の前の道路の穴（Webhook）";
        var received = await ReceiveAsync(subject);
        var koseki = await site.InScopeAsync(async sp => (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync("0502"))!.Id);
        var department = CaseActor.System("戸籍住民課", koseki);
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(CaseActor.System("広聴担当課"), received.CaseId, new ForwardRequest(koseki, [])));
        await site.InScopeAsync(async sp =>
        {
            var handling = sp.GetRequiredService<HandlingService>();
            await handling.SaveDraftAsync(department, received.CaseId, HandlingKind.Answer, "補修の手配をしました。");
            await handling.SubmitForApprovalAsync(department, received.CaseId);
            await handling.ApproveAsync(department, received.CaseId);
            await handling.SendAsync(CaseActor.System("広聴担当課"), received.CaseId, new SendRequest());
            await handling.CloseAsync(CaseActor.System("広聴担当課"), received.CaseId);
        });

        var requests = await site.Receiver.WaitForAsync(r => r.Path == "lifecycle" && r.Body.Contains(received.ReceiptNumber!), 4);
        var byEvent = requests.ToDictionary(r => r.Headers[WebhookSender.EventHeader]);
        Assert.Equal(new HashSet<string> { WebhookEvents.CaseReceived, WebhookEvents.CaseForwarded, WebhookEvents.CaseAnswered, WebhookEvents.CaseClosed }, byEvent.Keys.ToHashSet());
        foreach (var request in requests)
        {
            AssertSigned(request, secret);
            Assert.False(WebhookSignature.Verify(secret, request.Headers[WebhookSignature.Header], request.Body + " ", DateTimeOffset.UtcNow));
            Assert.False(WebhookSignature.Verify(secret, request.Headers[WebhookSignature.Header], request.Body, DateTimeOffset.UtcNow.AddMinutes(10)));
            Assert.True(WebhookSignature.Verify(secret, request.Headers[WebhookSignature.Header], request.Body, DateTimeOffset.UtcNow));
            foreach (var personal in new[] { Name, "新宿", Phone, "1111", Email, "ichiro", Address, "歌舞伎町", subject, "道路", "補修" })
                Assert.DoesNotContain(personal, request.Body);
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            Assert.Equal(request.Headers[WebhookSender.DeliveryHeader], root.GetProperty("id").GetString());
            Assert.Equal(request.Headers[WebhookSender.EventHeader], root.GetProperty("event").GetString());
            var data = root.GetProperty("data");
            Assert.Equal(received.CaseId, data.GetProperty("caseId").GetGuid());
            Assert.Equal(received.ReceiptNumber, data.GetProperty("receiptNumber").GetString());
            Assert.Subset(new HashSet<string> { "caseId", "receiptNumber", "status", "channel", "kind", "receivedOn", "departmentCode", "forwardingId", "role", "answerDue", "answerId", "method", "answered" },
                data.EnumerateObject().Select(p => p.Name).ToHashSet());
        }
        Assert.Equal("Received", Data(byEvent[WebhookEvents.CaseReceived]).GetProperty("status").GetString());
        Assert.Equal("0502", Data(byEvent[WebhookEvents.CaseForwarded]).GetProperty("departmentCode").GetString());
        Assert.Equal("Lead", Data(byEvent[WebhookEvents.CaseForwarded]).GetProperty("role").GetString());
        Assert.Equal("Answered", Data(byEvent[WebhookEvents.CaseAnswered]).GetProperty("status").GetString());
        Assert.Equal("Completed", Data(byEvent[WebhookEvents.CaseClosed]).GetProperty("status").GetString());
        Assert.True(Data(byEvent[WebhookEvents.CaseClosed]).GetProperty("answered").GetBoolean());
    }

    private static JsonElement Data(WebhookReceiver.Received request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data").Clone();

    [Fact]
    public async Task A_500_is_retried_with_the_same_signed_body_and_every_attempt_shows_in_the_delivery_log()
    {
        var (endpoint, secret) = await RegisterAsync("retry", WebhookEvents.CaseReceived);
        site.Receiver.FailNext("retry", 500);

        var received = await ReceiveAsync("再送のテスト");

        var requests = await site.Receiver.WaitForAsync(r => r.Path == "retry" && r.Body.Contains(received.ReceiptNumber!), 2);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Headers[WebhookSender.DeliveryHeader], requests[1].Headers[WebhookSender.DeliveryHeader]);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(400), "the retry waits for the backoff");
        AssertSigned(requests[1], secret);
        var deliveryId = Guid.Parse(requests[0].Headers[WebhookSender.DeliveryHeader]);
        var (delivery, attempts) = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationsDbContext>();
            for (var i = 0; i < 50; i++)
            {
                var row = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
                if (row.Status == WebhookDeliveryStatus.Delivered) break;
                await Task.Delay(100);
            }
            return (await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId),
                await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync());
        });
        Assert.Equal((WebhookDeliveryStatus.Delivered, 2, endpoint), (delivery.Status, delivery.Attempts, delivery.EndpointId));
        Assert.Equal([(1, 500, false), (2, 200, true)], attempts.Select(a => (a.Number, a.StatusCode ?? 0, a.Succeeded)));

        using var admin = await site.Host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/integrations/webhooks");
        Assert.Contains($"data-delivery=\"{deliveryId}\" data-status=\"500\" data-succeeded=\"false\"", page);
        Assert.Contains($"data-delivery=\"{deliveryId}\" data-status=\"200\" data-succeeded=\"true\"", page);
        Assert.Contains("HTTP 500", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Publishing_an_FAQ_entry_is_announced_with_its_number_and_department_but_not_its_text()
    {
        var (_, secret) = await RegisterAsync("faq", WebhookEvents.FaqPublished);
        var system = FaqActor.SystemActor("テスト");
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().CreateAsync(new FaqInput
        {
            Question = "印鑑登録証明書はどこで取れますか（Webhook）", Answer = "区役所本庁舎1階の戸籍住民課で取れます。", Department = "0502", Visibility = FaqVisibility.Public,
        }, system));
        var version = await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().PublishDirectlyAsync(entry.Number, null, system));

        var request = Assert.Single(await site.Receiver.WaitForAsync(r => r.Path == "faq"));
        AssertSigned(request, secret);
        Assert.Equal(WebhookEvents.FaqPublished, request.Headers[WebhookSender.EventHeader]);
        var data = Data(request);
        Assert.Equal((entry.Id, entry.Number, version.Id, "0502"),
            (data.GetProperty("entryId").GetGuid(), data.GetProperty("number").GetInt32(), data.GetProperty("versionId").GetGuid(), data.GetProperty("departmentCode").GetString()));
        Assert.DoesNotContain("印鑑", request.Body);
        Assert.DoesNotContain("戸籍住民課", request.Body);
    }
}
