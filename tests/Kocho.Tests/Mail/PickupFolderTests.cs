using Kocho.Core.Mail;
using Kocho.Tests.Infrastructure;
using MimeKit;
using Xunit;

namespace Kocho.Tests.Mail;

/// <summary>Without an SMTP server configured, each mail becomes a readable <c>.eml</c> file under <c>&lt;DataPath&gt;/mail</c>.</summary>
[Trait("Category", "Integration")]
public sealed class PickupFolderTests
{
    [Fact]
    public async Task Without_SMTP_each_mail_is_written_as_an_eml_file_named_after_its_Message_ID()
    {
        await using var host = await PortalHost.StartCopyAsync();
        var resident = OutboxTestExtensions.NewAddress("pickup");

        await host.CommitWithMailAsync(OutboxTestExtensions.ReceiptMail(resident));

        var row = await host.WaitForOutboxAsync(resident, r => r.Status == OutboxMailStatus.Sent);
        var folder = Path.Combine(host.DataPath, "mail");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal(row.MessageId + ".eml", Path.GetFileName(file));
        Assert.EndsWith("@localhost", row.MessageId);

        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("【新宿区】ご意見を受け付けました（受付番号 2026-000123）", mail.Subject);
        Assert.Equal(resident, mail.To.Mailboxes.Single().Address);
        Assert.Equal("kocho@localhost", mail.From.Mailboxes.Single().Address);
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Contains("受付番号は 2026-000123 です。", mail.TextBody);
        Assert.Contains("<strong>2026-000123</strong>", mail.HtmlBody);
        // Plain 7-bit text on disk: any mail program opens it, the Japanese is MIME-encoded UTF-8.
        var raw = await File.ReadAllBytesAsync(file);
        Assert.All(raw, b => Assert.True(b < 0x80));
        Assert.Contains("=?utf-8?", System.Text.Encoding.ASCII.GetString(raw), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.MailProblems());
    }

    [Fact]
    public async Task The_mail_test_verb_writes_the_test_mail_to_the_pickup_folder()
    {
        await using var host = await PortalHost.CreateAsync();

        var (code, output, error) = await host.RunVerbAsync("mail", "test", "--to", "admin@example.jp");

        Assert.True(code == 0, error);
        var folder = Path.Combine(host.DataPath, "mail");
        Assert.Contains($"ピックアップフォルダ {folder}", output);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
        Assert.Equal("Kocho テストメール", mail.Subject);
        Assert.Contains($"送信方法：ピックアップフォルダ {folder}", mail.TextBody);
    }
}
