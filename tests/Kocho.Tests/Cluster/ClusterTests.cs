using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Cluster;

/// <summary>
/// #12: a ward's portal on two nodes behind nginx, one PostgreSQL. Nodes are interchangeable: whatever one node issued
/// (sign-in, antiforgery token, access code) the other accepts, search is in step within two seconds, a node killed
/// mid-load loses nothing acknowledged, and every mail goes out once. The tests run in the order written: the last
/// one kills node A.
/// </summary>
[Trait("Category", "Integration")]
[TestCaseOrderer(DeclarationOrder.TypeName, DeclarationOrder.Assembly)]
public sealed partial class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [GeneratedRegex("name=\"Input.FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("data-testid=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex("data-testid=\"access-code\">([^<]+)<")]
    private static partial Regex AccessCode();

    [PostgresFact]
    public async Task A_staff_member_signed_in_through_nginx_keeps_working_while_requests_alternate_between_the_nodes()
    {
        using var staff = await cluster.SignedInStaffAsync(cluster.Nginx.StaffUrl, "koseki.nakamura");
        var nodes = new List<string>();
        foreach (var path in Enumerable.Repeat((string[])["/admin", "/admin/faq", "/admin/faq/edit"], 4).SelectMany(p => p))
        {
            var response = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath); // not sent back to the sign-in page
            nodes.Add(response.Headers.GetValues(LoadBalancer.NodeHeader).Single());
        }
        // A form read from one node and posted to the other (round robin): the antiforgery token and the sign-in hold.
        var draft = await staff.PostFormAsync("/admin/faq/edit", new()
        {
            ["Input.Question"] = "クラスタの下書きは保存されますか。", ["Input.Answer"] = "どのノードでも保存されます。",
            ["Input.Department"] = "0502", ["Input.Visibility"] = "Internal", ["Input.Category"] = "", ["Input.Keywords"] = "",
        });
        Assert.Matches(@"^/admin/faq/\d+$", draft.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(new[] { $"127.0.0.1:{cluster.A.StaffUrl.Port}", $"127.0.0.1:{cluster.B.StaffUrl.Port}" }.Order(), nodes.Distinct().Order());
    }

    [PostgresFact]
    public async Task A_sign_in_an_antiforgery_token_and_an_access_code_issued_by_node_A_are_accepted_by_node_B()
    {
        // Sign-in cookie from A, used on B.
        using var staff = await cluster.SignedInStaffAsync(cluster.A.StaffUrl, "koseki.nakamura");
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = staff.Cookies, AllowAutoRedirect = false }) { BaseAddress = cluster.B.StaffUrl };
        var home = await onB.GetAsync("/admin/faq");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // The form and its antiforgery token from A, sent to B.
        using var resident = new PortalClient(cluster.A.PublicUrl);
        var page = await resident.GetStringAsync("/opinions/new");
        using var residentOnB = new HttpClient(new HttpClientHandler { CookieContainer = resident.Cookies }) { BaseAddress = cluster.B.PublicUrl };
        var sent = await (await residentOnB.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(
            Form(FormToken().Match(page).Groups[1].Value, "ノードをまたぐ送信", "stateless@example.jp")
                .Append(new("__RequestVerificationToken", PortalClient.AntiforgeryToken(page)!))))).Content.ReadAsStringAsync();
        var receipt = ReceiptNumber().Match(sent).Groups[1].Value;
        Assert.Matches(@"^\d{4}-\d{6}$", receipt);

        // The access code B issued is accepted by A, and one issued by A is accepted by B.
        var code = WebUtility.HtmlDecode(AccessCode().Match(sent).Groups[1].Value);
        Assert.Contains("ノードをまたぐ送信", await CheckAnswerAsync(cluster.A.PublicUrl, receipt, code));
        var fromA = await SubmitAsync(resident, "ノードAで受け付けた意見", "node-a@example.jp");
        Assert.Contains("ノードAで受け付けた意見", await CheckAnswerAsync(cluster.B.PublicUrl, fromA.Receipt, fromA.Code));
        Assert.Contains("受付番号またはアクセスコードが正しくありません。", WebUtility.HtmlDecode(await CheckAnswerAsync(cluster.B.PublicUrl, fromA.Receipt, "AAAA-BBBB-CCCC")));
    }

    [PostgresFact]
    public async Task An_FAQ_entry_published_on_node_A_is_found_by_search_on_node_B_within_two_seconds()
    {
        using var editor = await cluster.SignedInStaffAsync(cluster.A.StaffUrl, "koseki.nakamura");
        using var approver = await cluster.SignedInStaffAsync(cluster.A.StaffUrl, "koseki.fujita");
        var created = await editor.PostFormAsync("/admin/faq/edit", new()
        {
            ["Input.Question"] = "犬の鑑札を再交付してもらうにはどうすればよいですか。", ["Input.Answer"] = "保健所の窓口で再交付の申請をしてください。",
            ["Input.Department"] = "0502", ["Input.Visibility"] = "Public", ["Input.Category"] = "", ["Input.Keywords"] = "鑑札\n再交付",
        });
        var number = int.Parse(created.RequestMessage!.RequestUri!.AbsolutePath["/admin/faq/".Length..]);
        await editor.PostFormAsync($"/admin/faq/{number}", new() { ["Comment"] = "確認をお願いします。" }, handler: "Submit");

        using var residentOnB = new PortalClient(cluster.B.PublicUrl);
        var search = "/faq/search?q=" + Uri.EscapeDataString("犬の鑑札 再交付");
        Assert.DoesNotContain($"data-testid=\"faq-result-{number}\"", await residentOnB.GetStringAsync(search));

        var approved = await approver.PostFormAsync($"/admin/faq/{number}", new() { ["Comment"] = "承認します。" }, handler: "Approve");
        Assert.Contains("承認しました。", await approved.Content.ReadAsStringAsync());
        var published = Stopwatch.StartNew();
        while (!(await residentOnB.GetStringAsync(search)).Contains($"data-testid=\"faq-result-{number}\"", StringComparison.Ordinal))
        {
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(2), $"node B did not find entry {number} within 2 s of its publication on node A");
            await Task.Delay(50);
        }
        output.WriteLine($"found on node B {published.ElapsedMilliseconds} ms after publication on node A");

        // Each node searched its own index folder, kept from the change feed.
        Assert.NotEqual(cluster.A.Settings.DataPath, cluster.B.Settings.DataPath);
        Assert.All((PortalNode[])[cluster.A, cluster.B], n => Assert.True(Directory.Exists(Path.Combine(n.Settings.DataPath, "index", "faq"))));
    }

    [PostgresFact]
    public async Task Five_hundred_submissions_over_both_nodes_are_stored_once_and_node_A_killed_midway_loses_nothing_acknowledged_and_each_mail_goes_out_once()
    {
        const int total = 500;
        var acknowledged = new ConcurrentDictionary<int, string>();
        var servedBy = new ConcurrentDictionary<string, int>();
        var failures = 0;
        var next = -1;
        var killed = new TaskCompletionSource();
        async Task ResidentAsync()
        {
            while (Interlocked.Increment(ref next) is var i && i < total)
            {
                using var client = new PortalClient(cluster.Nginx.PublicUrl);
                string? token = null;
                // A resident whose request failed (the node died under it) sends the same form again: the form token
                // makes the second send return the first one's receipt instead of a second case.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var page = await client.GetStringAsync("/opinions/new");
                        token ??= FormToken().Match(page).Groups[1].Value;
                        var response = await client.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(
                            Form(token, $"クラスタ負荷試験 {i:D3}", $"load{i:D3}@example.jp").Append(new("__RequestVerificationToken", PortalClient.AntiforgeryToken(page)!))));
                        var html = await response.Content.ReadAsStringAsync();
                        if (response.IsSuccessStatusCode && ReceiptNumber().Match(html) is { Success: true } m)
                        {
                            acknowledged[i] = m.Groups[1].Value;
                            // nginx lists every node it tried ("A, B" when A refused): the last one answered.
                            servedBy.AddOrUpdate(response.Headers.GetValues(LoadBalancer.NodeHeader).Single().Split(", ")[^1], 1, (_, n) => n + 1);
                            break;
                        }
                        throw new HttpRequestException($"{(int)response.StatusCode}");
                    }
                    catch (HttpRequestException) when (attempt < 20)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(200);
                    }
                }
                if (acknowledged.Count == total / 2) killed.TrySetResult();
            }
        }

        var residents = Enumerable.Range(0, 8).Select(_ => Task.Run(ResidentAsync)).ToList();
        await Task.WhenAny(killed.Task, Task.WhenAll(residents));
        await cluster.A.KillAsync();
        var killedAt = acknowledged.Count;
        await Task.WhenAll(residents);
        output.WriteLine($"node A killed after {killedAt} acknowledged; {failures} failed requests retried; served by {string.Join(", ", servedBy.Select(s => $"{s.Key}: {s.Value}"))}");

        Assert.Equal(total, acknowledged.Count);
        Assert.Equal(2, servedBy.Count);
        Assert.InRange(killedAt, 1, total - 1);
        var stored = await cluster.InDatabaseAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking()
            .Where(c => c.Subject.StartsWith("クラスタ負荷試験 ")).Select(c => new { c.Subject, c.ReceiptNumber }).ToListAsync());
        Assert.Equal(total, stored.Count);
        Assert.Equal(total, stored.Select(s => s.Subject).Distinct().Count());
        Assert.Equal(acknowledged.Values.Order(), stored.Select(s => s.ReceiptNumber).Order());

        // Every resident gets the receipt mail once, whichever node sent it (those node A held are sent by B once its lease ran out).
        var mails = await WaitForMailsAsync(total, TimeSpan.FromSeconds(45));
        var perResident = mails.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(total, perResident.Count);
        var twice = perResident.Where(g => g.Count() > 1).ToList();
        // The one window an SMTP sender cannot close: node A died after the relay took a mail and before it recorded
        // that. The copy then carries the same Message-ID, so the relay or the reader's client shows it once.
        Assert.All(twice, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.True(twice.Count <= 1, $"{twice.Count} mails went out twice: {string.Join(", ", twice.Select(g => g.Key))}");
    }

    private async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForMailsAsync(int residents, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = cluster.Smtp.Received().Where(m => m.To.Mailboxes.Any(b => b.Address.StartsWith("load", StringComparison.Ordinal))).ToList();
            if (mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count() >= residents || DateTime.UtcNow > deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)); // a late duplicate would show now
                return cluster.Smtp.Received().Where(m => m.To.Mailboxes.Any(b => b.Address.StartsWith("load", StringComparison.Ordinal))).ToList();
            }
            await Task.Delay(250);
        }
    }

    private static async Task<(string Receipt, string Code)> SubmitAsync(PortalClient client, string subject, string email)
    {
        var page = await client.GetStringAsync("/opinions/new");
        var sent = await (await client.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(
            Form(FormToken().Match(page).Groups[1].Value, subject, email).Append(new("__RequestVerificationToken", PortalClient.AntiforgeryToken(page)!))))).Content.ReadAsStringAsync();
        return (ReceiptNumber().Match(sent).Groups[1].Value, WebUtility.HtmlDecode(AccessCode().Match(sent).Groups[1].Value));
    }

    private static async Task<string> CheckAnswerAsync(Uri publicUrl, string receipt, string code)
    {
        using var client = new PortalClient(publicUrl);
        var response = await client.PostFormAsync("/opinions/answer", new() { ["ReceiptNumber"] = receipt, ["AccessCode"] = code });
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string token, string subject, string email) => new Dictionary<string, string>
    {
        ["Input.FormToken"] = token,
        ["Input.Route"] = "mayor",
        ["Input.Kind"] = "Request",
        ["Input.Subject"] = subject,
        ["Input.Body"] = subject + "についてのお願いです。",
        ["Input.WantsAnswer"] = "true",
        ["Input.AnswerMethod"] = "Web",
        ["Input.Name"] = "新宿 花子",
        ["Input.Email"] = email,
        ["Input.PostalCode"] = "",
        ["Input.Address"] = "",
        ["Input.Phone"] = "",
        ["Input.Website"] = "",
    };
}
