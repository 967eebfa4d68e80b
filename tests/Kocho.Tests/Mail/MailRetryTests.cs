using Kocho.Core.Mail;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kocho.Tests.Mail;

/// <summary>The ward's SMTP relay is down for a while: mail waits, is retried with backoff, and still goes out once.</summary>
[Trait("Category", "Integration")]
public sealed class MailRetryTests
{
    private static readonly string[] ShortBackoff = ["--Kocho:Mail:FirstRetryDelay=00:00:01", "--Kocho:Mail:MaxRetryDelay=00:00:02"];

    [Fact]
    public async Task Mail_is_retried_while_the_server_is_down_and_delivered_once_it_is_up()
    {
        await using var smtp = new LoopbackSmtpServer(); // not started yet: nothing listens on its port
        await using var host = await PortalHost.StartCopyAsync("shinjuku", [.. smtp.PortalArgs, .. ShortBackoff]);
        var resident = OutboxTestExtensions.NewAddress("retry");

        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(resident));
        var waiting = await host.WaitForOutboxAsync(resident, r => r.Attempts >= 2 && r.Status == OutboxMailStatus.Pending);
        Assert.NotNull(waiting.LastError);
        Assert.DoesNotContain(resident, waiting.LastError);

        await smtp.StartAsync();
        var mail = Assert.Single(await smtp.WaitForAsync(resident));
        Assert.Equal("【新宿区】ご意見を受け付けました（受付番号 2026-000123）", mail.Subject);
        var sent = await host.WaitForOutboxAsync(resident, r => r.Status == OutboxMailStatus.Sent);
        Assert.True(sent.Attempts >= 3);
        Assert.Equal(sent.MessageId, mail.MessageId);
        await Task.Delay(2500);
        Assert.Single(smtp.ReceivedBy(resident));
        Assert.Empty(host.MailProblems());
    }

    [Fact]
    public async Task Mail_left_waiting_when_the_site_stopped_is_sent_once_by_the_restarted_site()
    {
        await using var smtp = new LoopbackSmtpServer();
        await using var host = await PortalHost.StartCopyAsync("shinjuku", [.. smtp.PortalArgs, .. ShortBackoff]);
        var resident = OutboxTestExtensions.NewAddress("waiting");
        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(resident));
        await host.WaitForOutboxAsync(resident, r => r.Attempts >= 1 && r.Status == OutboxMailStatus.Pending);

        await host.StopAsync();
        await smtp.StartAsync();
        Assert.Empty(smtp.Received());
        await host.StartAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(resident));
        Assert.Equal("【新宿区】ご意見を受け付けました（受付番号 2026-000123）", mail.Subject);
        await host.WaitForOutboxAsync(resident, r => r.Status == OutboxMailStatus.Sent);
        await Task.Delay(2500);
        Assert.Single(smtp.ReceivedBy(resident));
    }

    [Fact]
    public async Task After_the_last_attempt_a_mail_is_given_up_with_a_warning_that_names_no_recipient()
    {
        await using var smtp = new LoopbackSmtpServer(); // never started
        await using var host = await PortalHost.StartCopyAsync("shinjuku", [.. smtp.PortalArgs, .. ShortBackoff, "--Kocho:Mail:MaxAttempts=2"]);
        var resident = OutboxTestExtensions.NewAddress("given-up");

        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(resident));

        var failed = await host.WaitForOutboxAsync(resident, r => r.Status == OutboxMailStatus.Failed);
        Assert.Equal(2, failed.Attempts);
        var warning = Assert.Single(host.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("given up"));
        Assert.Contains(failed.MessageId, warning.Message);
        Assert.Contains("after 2 attempt(s)", warning.Message);
        Assert.DoesNotContain(resident, warning.Message);
    }

    [Fact]
    public async Task The_mail_test_verb_says_why_the_server_cannot_be_reached()
    {
        await using var smtp = new LoopbackSmtpServer(); // never started
        await using var host = await PortalHost.CreateAsync("shinjuku", smtp.PortalArgs);

        var (code, _, error) = await host.RunVerbAsync("mail", "test", "--to", "admin@example.jp");

        Assert.Equal(1, code);
        Assert.StartsWith($"テストメールを送信できませんでした（SMTP 127.0.0.1:{smtp.Port} (None)）: ", error.Trim());
        Assert.EndsWith("設定 Kocho:Mail:Smtp を確かめてください。", error.Trim());
    }
}
