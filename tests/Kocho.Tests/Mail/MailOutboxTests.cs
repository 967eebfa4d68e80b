using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace Kocho.Tests.Mail;

/// <summary>One SMTP server on loopback for the tests of a class.</summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    public LoopbackSmtpServer Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// A mail goes out with the change that causes it, or not at all, and exactly once — through a real SMTP server.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MailOutboxTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task A_committed_change_sends_its_mail_once_with_the_Japanese_subject_intact()
    {
        await using var host = await PortalHost.StartCopyAsync("shinjuku", smtp.Server.PortalArgs);
        var resident = OutboxTestExtensions.NewAddress("hanako");

        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(resident));

        // No poll interval passes (30 s by default): the commit wakes the sender.
        var received = await smtp.Server.WaitForAsync(resident, timeout: TimeSpan.FromSeconds(15));
        var mail = Assert.Single(received);
        Assert.Equal("【新宿区】ご意見を受け付けました（受付番号 2026-000123）", mail.Subject);
        Assert.Contains("区政へのご意見をお寄せいただき、ありがとうございます。", mail.TextBody);
        Assert.Contains("<strong>2026-000123</strong>", mail.HtmlBody);
        Assert.Equal("新宿区 広聴システム", mail.From.Mailboxes.Single().Name);
        Assert.Equal("kocho@city.shinjuku.example", mail.From.Mailboxes.Single().Address);

        var row = await host.WaitForOutboxAsync(resident, r => r.Status == OutboxMailStatus.Sent);
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("", row.TextBody); // no copy of a delivered mail stays behind
        await Task.Delay(1500);
        Assert.Single(smtp.Server.ReceivedBy(resident));
        Assert.Empty(host.MailProblems());
    }

    [Fact]
    public async Task A_rolled_back_change_sends_no_mail()
    {
        await using var host = await PortalHost.StartCopyAsync("shinjuku", smtp.Server.PortalArgs);
        var rolledBack = OutboxTestExtensions.NewAddress("rolled-back");
        var committed = OutboxTestExtensions.NewAddress("committed");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct =>
                {
                    await outbox.EnqueueAsync(OutboxTestExtensions.ReceiptMail(rolledBack), ct);
                    throw new InvalidOperationException("the change itself failed");
                }));
            Assert.Equal("the change itself failed", failure.Message);
        }
        // A later mail gets through, so the sender has looked at the outbox since.
        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(committed, "2026-000124"));
        await smtp.Server.WaitForAsync(committed);

        Assert.Empty(smtp.Server.ReceivedBy(rolledBack));
        Assert.Null(await host.OutboxMailToAsync(rolledBack));
    }

    [Fact]
    public async Task A_mail_outside_a_transaction_or_too_large_is_refused_and_nothing_is_stored()
    {
        await using var host = await PortalHost.StartCopyAsync("shinjuku", smtp.Server.PortalArgs);
        var resident = OutboxTestExtensions.NewAddress("outside");
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.EnqueueAsync(OutboxTestExtensions.ReceiptMail(resident)));
        Assert.Contains("UnitOfWork.ExecuteAsync", outside.Message);

        var huge = new OutgoingMail(resident, "大きすぎるメール", new string('あ', OutboxMail.MaxBodyLength + 1));
        await Assert.ThrowsAsync<ArgumentException>(() => unitOfWork.ExecuteAsync(ct => outbox.EnqueueAsync(huge, ct)));
        var badAddress = OutboxTestExtensions.ReceiptMail("新宿 花子 <hanako@example.jp>");
        await Assert.ThrowsAsync<ArgumentException>(() => unitOfWork.ExecuteAsync(ct => outbox.EnqueueAsync(badAddress, ct)));
        var twoLines = new OutgoingMail(resident, "件名\r\nBcc: someone@example.jp", "本文");
        await Assert.ThrowsAsync<ArgumentException>(() => unitOfWork.ExecuteAsync(ct => outbox.EnqueueAsync(twoLines, ct)));

        Assert.Empty(await host.OutboxAsync());
    }

    [Fact]
    public async Task A_restarted_site_sends_nothing_twice()
    {
        await using var host = await PortalHost.StartCopyAsync("shinjuku", [.. smtp.Server.PortalArgs, "--Kocho:Mail:PollInterval=00:00:01"]);
        var before = OutboxTestExtensions.NewAddress("before-restart");
        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(before));
        var first = Assert.Single(await smtp.Server.WaitForAsync(before));

        await host.StopAsync();
        await host.StartAsync();
        var after = OutboxTestExtensions.NewAddress("after-restart");
        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(after, "2026-000125"));
        await smtp.Server.WaitForAsync(after);
        await Task.Delay(2500); // more than two polls of the restarted sender

        Assert.Equal(first.MessageId, Assert.Single(smtp.Server.ReceivedBy(before)).MessageId);
        Assert.Single(smtp.Server.ReceivedBy(after));
        Assert.All(await host.OutboxAsync(), m => Assert.Equal((OutboxMailStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_deliver_every_mail_exactly_once()
    {
        // One mail per claim and a short poll make the two senders compete for every mail.
        string[] settings = [.. smtp.Server.PortalArgs, "--Kocho:Mail:BatchSize=1", "--Kocho:Mail:PollInterval=00:00:00.200"];
        await using var first = await PortalHost.StartCopyAsync("shinjuku", settings);
        await using var second = first.CreateNode();
        await second.StartAsync();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(1, 100).Select(i => $"node-{batch}-{i:000}@example.jp").ToList();

        // Each node commits an action that mails half of them: both senders wake and take from one queue, oldest first.
        await Task.WhenAll(
            Task.Run(() => first.CommitWithMailAsync([.. addresses.Where((_, i) => i % 2 == 0).Select(to => OutboxTestExtensions.ReceiptMail(to))])),
            Task.Run(() => second.CommitWithMailAsync([.. addresses.Where((_, i) => i % 2 == 1).Select(to => OutboxTestExtensions.ReceiptMail(to))])));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<OutboxMail> rows;
        do
        {
            await Task.Delay(200);
            rows = await first.OutboxAsync();
        }
        while (rows.Any(r => r.Status != OutboxMailStatus.Sent) && DateTime.UtcNow < deadline);
        await Task.Delay(1000); // let a (wrong) second send of the last mails arrive too

        var ours = rows.Where(r => r.To.StartsWith($"node-{batch}-", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, ours.Count);
        Assert.All(ours, r => Assert.Equal((OutboxMailStatus.Sent, 1), (r.Status, r.Attempts))); // each claimed once
        Assert.Equal( // both nodes took part
            new[] { first.Service<MailDelivery>().LockerId, second.Service<MailDelivery>().LockerId }.Order(),
            ours.Select(r => r.LockedBy).Distinct().Order());
        var received = smtp.Server.Received().Where(m => m.To.Mailboxes.Single().Address.StartsWith($"node-{batch}-", StringComparison.Ordinal)).ToList();
        Assert.Equal(addresses.Order(), received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(100, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Empty(first.MailProblems());
        Assert.Empty(second.MailProblems());
    }

    [Fact]
    public async Task The_mail_test_verb_sends_the_Japanese_test_mail_at_once()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku", smtp.Server.PortalArgs);
        var admin = OutboxTestExtensions.NewAddress("admin");

        var (code, output, error) = await host.RunVerbAsync("mail", "test", "--to", admin);

        Assert.True(code == 0, error);
        Assert.Contains($"テストメールを {admin} に送信しました（SMTP 127.0.0.1:{smtp.Server.Port} (None)", output);
        var mail = Assert.Single(smtp.Server.ReceivedBy(admin));
        Assert.Equal("Kocho テストメール", mail.Subject);
        Assert.Contains("メール送信設定を確かめるためのテストメールです。", mail.TextBody);
        Assert.Contains($"送信方法：SMTP 127.0.0.1:{smtp.Server.Port} (None)", mail.TextBody);
        Assert.Contains("<th scope=\"row\">送信方法</th>", mail.HtmlBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task The_mail_test_verb_refuses_a_bad_address()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku", smtp.Server.PortalArgs);

        var (code, _, error) = await host.RunVerbAsync("mail", "test", "--to", "hanako-at-example.jp");

        Assert.Equal(1, code);
        Assert.Equal("メールアドレス「hanako-at-example.jp」の形式が正しくありません。例: taro@example.jp", error.Trim());
    }
}
