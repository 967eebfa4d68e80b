using System.Net;
using System.Text.RegularExpressions;
using Kocho.Core.Mail;
using Kocho.Core.Web;
using Kocho.Faq.Data;
using Kocho.Opinions.Data;
using Kocho.Tests.Cluster;
using Kocho.Tests.Security;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>
/// An error nobody planned for (here: a table gone from under the running site) ends in a Japanese page, or the API's
/// JSON error, with the security headers and nothing of the exception; the details are in the server log only. A database
/// that is only busy is 503 with Retry-After instead.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ServerErrorTests
{
    [Fact]
    public async Task An_unexpected_error_shows_a_Japanese_page_or_a_json_error_and_no_details()
    {
        await using var host = await PortalHost.StartCopyAsync("demo");
        using var client = host.PublicClient();
        var number = FaqLink().Match(await client.GetStringAsync("/faq")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/faq/{number}")).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE faq_versions RENAME TO faq_versions_gone");
        }

        var page = await client.GetAsync($"/faq/{number}");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>エラーが発生しました</h1>", html);
        Assert.Contains("時間をおいてもう一度お試しください", html);

        var api = await client.GetAsync($"/api/faq/{number}");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var json = await api.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"server_error\"", json);

        foreach (var body in new[] { html, json })
        {
            Assert.DoesNotContain("faq_versions", body);
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(" at Kocho.", body);
        }
        Assert.Contains(host.Log.Errors, e => e.Contains("Unhandled error on GET /faq/") && e.Contains("faq_versions"));
    }

    /// <summary>
    /// A submission that waits longer than the database allows (here: another session holds the receipt counter, the
    /// node's command timeout is 3 s) is answered 503 with Retry-After and a Japanese page; nothing of it is stored, and
    /// sending the same form again afterwards stores it once.
    /// </summary>
    [PostgresFact]
    public async Task A_submission_that_waits_too_long_for_the_database_gets_503_with_retry_after_and_nothing_is_stored()
    {
        await using var site = await PortalHost.StartCopyAsync("shinjuku");
        const string prefix = "--ConnectionStrings:Kocho=";
        var connection = site.Args.Last(a => a.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        await using var node = site.CreateNode($"{prefix}{connection};Command Timeout=3");
        await node.StartAsync();

        using var resident = node.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(resident);
        var form = AbuseSite.OpinionForm(formToken, "混雑時の送信の確認").Append(("__RequestVerificationToken", antiforgery))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();

        HttpResponseMessage busy;
        await using (var other = new NpgsqlConnection(connection))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using (var lockCounter = new NpgsqlCommand("LOCK TABLE opinion_receipt_counters IN EXCLUSIVE MODE", other, transaction))
            {
                await lockCounter.ExecuteNonQueryAsync();
            }
            busy = await resident.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(form));
            await transaction.RollbackAsync();
        }
        await AbuseSite.AssertRefusalPageAsync(busy, HttpStatusCode.ServiceUnavailable, ServerErrorMiddleware.BusyMessage);
        Assert.Equal(TimeSpan.FromSeconds(ServerErrorMiddleware.BusyRetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
        Assert.Contains(node.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("POST /opinions/new", StringComparison.Ordinal));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            Assert.Equal(0, await sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Subject == "混雑時の送信の確認"));
            Assert.Equal(0, await sp.GetRequiredService<MailDbContext>().Outbox.CountAsync(m => m.To == "hanako.abuse@example.jp"));
        }

        // The resident sends the same form again once it is quiet: one case, with a receipt number.
        var sent = await resident.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Matches("data-testid=\"receipt-number\">\\d{4}-\\d{6}<", await sent.Content.ReadAsStringAsync());
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Subject == "混雑時の送信の確認"));
        }
    }

    [GeneratedRegex(@"href=""/faq/(\d+)""")]
    private static partial Regex FaqLink();
}
