using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Jobs;
using Kocho.Integrations.Mailbox;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using Xunit;

namespace Kocho.Tests.Integrations;

/// <summary>
/// 区長へのメール against a real IMAP server: a resident's mail becomes a case with channel メール and a receipt mail, a
/// reply quoting the 受付番号 goes to that case's history, automatic mails and bad ones make no case, and a mail left
/// in the inbox after its commit (a crash before the move) is never taken twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MailboxIntakeTests(MailboxSite site) : IClassFixture<MailboxSite>
{
    private const string Processed = "Kocho-Processed";
    private const string AutoReplies = "Kocho-AutoReplies";
    private const string Rejected = "Kocho-Rejected";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static MimeMessage Mail(string from, string subject, string text, Action<BodyBuilder>? attach = null, string? messageId = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId ?? MimeUtils.GenerateMessageId("resident.example.jp") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("kucho@city.shinjuku.example"));
        var body = new BodyBuilder { TextBody = text };
        attach?.Invoke(body);
        message.Body = body.ToMessageBody();
        return message;
    }

    [Fact]
    public async Task A_residents_mail_becomes_a_case_with_channel_mail_a_history_entry_and_a_receipt_mail()
    {
        const string subject = "西新宿の公園のベンチが壊れています";
        await site.Imap.AppendAsync(Mail("新宿 花子 <hanako.shinjuku@example.jp>", subject, "中央公園の北側のベンチが壊れています。\n修理をお願いします。"));

        var result = await site.PollAsync();

        Assert.True(result.Count(MailboxOutcome.CaseCreated) >= 1);
        var created = Assert.Single(await site.CasesAsync(subject));
        Assert.Equal((Channel.Email, CaseStatus.Received, SenderKind.Contact, AnswerMethod.Email, true), (created.Channel, created.Status, created.Sender, created.AnswerMethod, created.ToMayor));
        Assert.Equal(("新宿 花子", "hanako.shinjuku@example.jp"), (created.ContactName, created.ContactEmail));
        Assert.Equal("中央公園の北側のベンチが壊れています。\n修理をお願いします。", created.Body);
        var received = Assert.Single(await site.HistoryAsync(created.Id));
        Assert.Equal(HistoryAction.Received, received.Action);
        Assert.Equal(MailboxIntake.ActorName, received.ActorName);

        // The body and the sender are encrypted at rest like any other case.
        var raw = await site.InScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<OpinionsDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Body\" || '|' || \"ContactEmail\" FROM opinion_cases WHERE \"ReceiptNumber\" = '{created.ReceiptNumber}'";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.DoesNotContain("ベンチ", raw);
        Assert.DoesNotContain("hanako", raw);

        var receipt = await site.Outbox.WaitForAsync("hanako.shinjuku@example.jp", created.ReceiptNumber);
        Assert.Contains("区長へのメールを受け付けました", receipt.Subject);
        Assert.Contains($"受付番号: {created.ReceiptNumber}", receipt.TextBody);
        Assert.Contains(subject, await site.Imap.SubjectsAsync(Processed));
        Assert.DoesNotContain(subject, await site.Imap.SubjectsAsync("INBOX"));

        // The section's log of the mailbox: the mail's outcome and its receipt number linked to the case, no sender.
        using var admin = await site.Host.SignedInStaffAsync();
        var log = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/integrations/mailbox?outcome=CaseCreated"));
        Assert.Contains($"<a href=\"/admin/opinions/{created.Id}\" data-testid=\"mailbox-receipt\">{created.ReceiptNumber}</a>", log);
        Assert.Contains("新しい意見等として受付", log);
        Assert.DoesNotContain("hanako", log);
        Assert.DoesNotContain(subject, log);
    }

    [Fact]
    public async Task A_mail_with_attachments_keeps_the_images_and_PDF_and_notes_the_file_it_could_not_keep()
    {
        const string subject = "道路の陥没の写真を送ります";
        await site.Imap.AppendAsync(Mail("Taro <taro.yotsuya@example.jp>", subject, "四谷三丁目の交差点付近です。", b =>
        {
            b.Attachments.Add("kanbotsu.png", Png, new ContentType("image", "png"));
            b.Attachments.Add("chizu.pdf", Pdf, new ContentType("application", "pdf"));
            b.Attachments.Add("memo.docx", Encoding.UTF8.GetBytes("PK not really a document"), new ContentType("application", "octet-stream"));
        }));

        await site.PollAsync();

        var created = Assert.Single(await site.CasesAsync(subject));
        var files = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Attachments.AsNoTracking().Where(a => a.CaseId == created.Id).ToListAsync());
        files = [.. files.OrderBy(f => f.FileName, StringComparer.Ordinal)];
        Assert.Equal(["chizu.pdf", "kanbotsu.png"], files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "image/png"], files.Select(f => f.ContentType));
        Assert.Equal(Png, Convert.FromBase64String(files[1].Content));
        var history = await site.HistoryAsync(created.Id);
        Assert.Contains("添付2件", history[0].Note);
        Assert.Contains(history, h => h.Action == HistoryAction.Memo && h.Note!.Contains("memo.docx（画像・PDF以外の形式）"));
    }

    [Fact]
    public async Task A_reply_quoting_the_receipt_number_goes_to_that_cases_history_but_not_from_someone_else()
    {
        const string subject = "歌舞伎町の街灯について";
        await site.Imap.AppendAsync(Mail("Ichiro <ichiro.okubo@example.jp>", subject, "一番街の街灯が消えています。"));
        await site.PollAsync();
        var original = Assert.Single(await site.CasesAsync(subject));
        var receipt = await site.Outbox.WaitForAsync("ichiro.okubo@example.jp", original.ReceiptNumber);

        var reply = Mail("Ichiro <ichiro.okubo@example.jp>", "Re: " + receipt.Subject, "追記です。二番街も消えていました。\n\n> 受付番号: " + original.ReceiptNumber,
            b => b.Attachments.Add("gaito.png", Png, new ContentType("image", "png")));
        var stranger = Mail("Someone <someone.else@example.jp>", $"受付番号 {original.ReceiptNumber} の件", "他人の意見に書き加えようとしています。");
        await site.Imap.AppendAsync(reply, stranger);

        var result = await site.PollAsync();

        Assert.Equal(1, result.Count(MailboxOutcome.AddedToCase));
        Assert.Single(await site.CasesAsync(subject));
        var memo = Assert.Single(await site.HistoryAsync(original.Id), h => h.Action == HistoryAction.Memo);
        Assert.Contains("メールで追加の連絡がありました", memo.Note);
        Assert.Contains("二番街も消えていました", memo.Note);
        Assert.Contains("gaito.png", memo.Note);
        Assert.Equal(1, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Attachments.CountAsync(a => a.CaseId == original.Id)));
        Assert.Equal(MailboxOutcome.AddedToCase, (await site.RecordAsync(reply.MessageId))!.Outcome);
        Assert.True(await site.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AnyAsync(r => r.Action == "opinion.case.mail-added" && r.EntityId == original.Id.ToString())));

        // Quoting someone else's number opens a case of one's own, with a note saying so.
        var own = Assert.Single(await site.CasesAsync($"受付番号 {original.ReceiptNumber} の件"));
        Assert.NotEqual(original.Id, own.Id);
        Assert.Contains(await site.HistoryAsync(own.Id), h => h.Action == HistoryAction.Memo && h.Note!.Contains("差出人と異なるため"));
    }

    [Fact]
    public async Task Auto_replies_and_bounces_are_set_aside_and_make_no_case()
    {
        var vacation = Mail("Hanako <hanako.shinjuku@example.jp>", "不在のお知らせ（自動応答）", "12月3日まで不在です。");
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var autoreply = Mail("Jiro <jiro@example.jp>", "Out of office", "I am away.");
        autoreply.Headers.Add("X-Autoreply", "yes");
        var bulk = Mail("News <news@example.jp>", "メールマガジン 12月号", "今月のお知らせ");
        bulk.Headers.Add("Precedence", "bulk");
        var bounce = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = MimeUtils.GenerateMessageId("mx.example.jp") };
        bounce.From.Add(MailboxAddress.Parse("Mail Delivery System <postmaster@mx.example.jp>"));
        bounce.Headers.Add("Return-Path", "<>");
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "The mail could not be delivered." } };
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { { "Final-Recipient", "rfc822; nobody@example.jp" }, { "Action", "failed" }, { "Status", "5.1.1" } });
        report.Add(status);
        bounce.Body = report;
        await site.Imap.AppendAsync(vacation, autoreply, bulk, bounce);

        var result = await site.PollAsync();

        Assert.Equal(4, result.Count(MailboxOutcome.Ignored));
        foreach (var mail in new[] { vacation, autoreply, bulk, bounce })
        {
            Assert.Empty(await site.CasesAsync(mail.Subject));
            var record = await site.RecordAsync(mail.MessageId);
            Assert.Equal(MailboxOutcome.Ignored, record!.Outcome);
            Assert.Null(record.CaseId);
        }
        Assert.Contains("Auto-Submitted", (await site.RecordAsync(vacation.MessageId))!.Reason);
        Assert.Contains("配信不能通知", (await site.RecordAsync(bounce.MessageId))!.Reason);
        var setAside = await site.Imap.SubjectsAsync(AutoReplies);
        Assert.All(new[] { vacation, autoreply, bulk, bounce }, m => Assert.Contains(m.Subject, setAside));
        Assert.DoesNotContain(site.Outbox.To("hanako.shinjuku@example.jp"), m => m.Subject!.Contains("不在"));

        using var admin = await site.Host.SignedInStaffAsync();
        var log = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/integrations/mailbox?outcome=Ignored"));
        Assert.Contains("Auto-Submitted", log);
        Assert.Contains("配信不能通知", log);
        Assert.DoesNotContain("新しい意見等として受付</td>", log);
    }

    [Fact]
    public async Task A_mail_left_in_the_inbox_after_its_commit_is_only_moved_and_another_nodes_poll_waits()
    {
        const string subject = "高田馬場駅前の放置自転車";
        var mail = Mail("Saburo <saburo.takada@example.jp>", subject, "駅前の歩道に自転車が多く、通れません。");
        await site.Imap.AppendAsync(mail);
        await site.PollAsync();
        var first = Assert.Single(await site.CasesAsync(subject));

        // The state a crash between the commit and the move leaves: the case and its record exist, the mail is still in the inbox.
        await site.Imap.AppendAsync(mail);
        Assert.Contains(subject, await site.Imap.SubjectsAsync("INBOX"));
        var again = await site.PollAsync();

        Assert.Equal(1, again.AlreadyTaken);
        Assert.Equal(first.Id, Assert.Single(await site.CasesAsync(subject)).Id);
        Assert.DoesNotContain(subject, await site.Imap.SubjectsAsync("INBOX"));
        Assert.Equal(first.ReceiptNumber, (await site.RecordAsync(mail.MessageId))!.ReceiptNumber);

        // Another node holds the poll's lease: this node does not touch the mailbox.
        const string waiting = "大久保通りの騒音";
        await site.Imap.AppendAsync(Mail("Shiro <shiro@example.jp>", waiting, "夜間の工事の音が大きいです。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<JobsDbContext>().Leases.Where(l => l.Name == MailboxIntake.Job)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, "another-node").SetProperty(l => l.ExpiresUtc, DateTime.UtcNow.AddMinutes(5))));
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<MailboxIntake>().PollAsync()));
        Assert.Contains(waiting, await site.Imap.SubjectsAsync("INBOX"));
        await site.InScopeAsync(sp => sp.GetRequiredService<JobsDbContext>().Leases.Where(l => l.Name == MailboxIntake.Job).ExecuteDeleteAsync());
        await site.PollAsync();
        Assert.Single(await site.CasesAsync(waiting));
    }

    [Fact]
    public async Task A_NUL_character_in_a_mail_is_dropped_so_that_the_mail_becomes_a_case_on_either_database()
    {
        // PostgreSQL cannot store NUL in text: left in, the mail would fail at every poll and never leave the inbox.
        var mail = Mail("shichiro@example.jp", "区役所\0の駐輪場", "駐輪場の\0照明が暗いです。", b =>
            b.Attachments.Add("shashin\0.png", Png, new ContentType("image", "png")));
        mail.From.Clear();
        mail.From.Add(new MailboxAddress("Shichi\0ro", "shichiro@example.jp"));
        // In base64, so that the NUL reaches the portal as it was written (the IMAP server would alter a raw one).
        mail.BodyParts.OfType<TextPart>().Single().ContentTransferEncoding = ContentEncoding.Base64;
        await site.Imap.AppendAsync(mail);

        await site.PollAsync();

        var created = Assert.Single(await site.CasesAsync("区役所の駐輪場"));
        Assert.Equal(("駐輪場の照明が暗いです。", "Shichiro"), (created.Body, created.ContactName));
        var file = Assert.Single(await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Attachments.AsNoTracking().Where(a => a.CaseId == created.Id).ToListAsync()));
        Assert.Equal("shashin.png", file.FileName);
        Assert.Equal(MailboxOutcome.CaseCreated, (await site.RecordAsync(mail.MessageId))!.Outcome);
        Assert.DoesNotContain(await site.Imap.SubjectsAsync("INBOX"), s => s.Contains("駐輪場"));
    }

    [Fact]
    public async Task Huge_and_broken_mails_are_refused_with_a_clear_log_and_no_half_saved_case()
    {
        var huge = Mail("Goro <goro@example.jp>", "大きな写真を送ります", "写真です。", b => b.Attachments.Add("big.png", [.. Png, .. new byte[300_000]], new ContentType("image", "png")));
        var noSender = Mail("nobody@example.jp", "差出人のないメール", "差出人がありません。");
        noSender.From.Clear();
        var tooLong = Mail("Rokuro <rokuro@example.jp>", "とても長い意見", new string('長', 10_001));
        await site.Imap.AppendAsync(huge, noSender, tooLong);
        var receiptsBefore = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync());

        var result = await site.PollAsync();

        Assert.Equal(3, result.Count(MailboxOutcome.Rejected));
        Assert.Equal(receiptsBefore, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync()));
        Assert.Contains("メールが大きすぎます", (await site.RecordAsync(huge.MessageId))!.Reason);
        Assert.Contains("差出人のメールアドレスがありません", (await site.RecordAsync(noSender.MessageId))!.Reason);
        Assert.Contains("内容は10,000文字以内で入力してください", (await site.RecordAsync(tooLong.MessageId))!.Reason);
        var refused = await site.Imap.SubjectsAsync(Rejected);
        Assert.All(new[] { huge, noSender, tooLong }, m => Assert.Contains(m.Subject, refused));
        Assert.Contains(site.Host.Log.Entries, e => e.Message.Contains("was not taken as a case") && e.Message.Contains("メールが大きすぎます"));
        Assert.Empty(await site.Imap.SubjectsAsync("INBOX"));
    }
}
