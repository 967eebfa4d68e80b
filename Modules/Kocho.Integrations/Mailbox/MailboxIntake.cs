using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Jobs;
using Kocho.Core.Mail;
using Kocho.Core.Protection;
using Kocho.Integrations.Data;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kocho.Integrations.Mailbox;

/// <summary>
/// 区長へのメール: takes the mailbox's new mails as cases (channel メール) through the Opinions intake, or as history of the
/// case whose 受付番号 a reply quotes. Each mail is one transaction that also records it by Message-ID; it is moved out
/// of the inbox only after the commit, so a crash in between leaves a mail that the next poll only moves.
/// </summary>
public sealed class MailboxIntake(
    IOptions<MailboxOptions> options,
    JobLeases leases,
    IntegrationsDbContext db,
    OpinionsDbContext opinions,
    UnitOfWork unitOfWork,
    IntakeService intake,
    HistoryService history,
    IPersonalDataProtector protector,
    IMailOutbox outbox,
    MailTemplates templates,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<MailboxIntake> logger)
{
    public const string Job = "integrations.mailbox";
    public const string ActorName = "区長へのメール";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly CaseActor Actor = CaseActor.System(ActorName);

    /// <summary>One poll of the inbox; null when another node is polling (the lease is held).</summary>
    public async Task<MailboxPollResult?> PollAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.Configured) throw new InvalidOperationException($"No mailbox is configured ({MailboxOptions.Section}:Host).");
        if (!await leases.TryAcquireAsync(Job, Lease, cancellationToken)) return null;
        try
        {
            return await PollHeldAsync(o, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(Job, completed: null, CancellationToken.None);
        }
    }

    private async Task<MailboxPollResult> PollHeldAsync(MailboxOptions o, CancellationToken ct)
    {
        using var client = new ImapClient
        {
            Timeout = (int)o.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = PinnedCertificates.Validator(o.TrustedThumbprints),
        };
        await client.ConnectAsync(o.Host!, o.Port, o.SocketOptions, ct);
        await client.AuthenticateAsync(o.UserName!, o.Password!, ct);
        var inbox = o.Inbox.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(o.Inbox, ct);
        var processed = await FolderAsync(client, o.ProcessedFolder, ct);
        var folders = new Dictionary<MailboxOutcome, IMailFolder>
        {
            [MailboxOutcome.CaseCreated] = processed,
            [MailboxOutcome.AddedToCase] = processed,
            [MailboxOutcome.Ignored] = await FolderAsync(client, o.IgnoredFolder, ct),
            [MailboxOutcome.Rejected] = await FolderAsync(client, o.RejectedFolder, ct),
        };
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);

        var counts = new Dictionary<MailboxOutcome, int>();
        var already = 0;
        var left = 0;
        var uids = (await inbox.SearchAsync(SearchQuery.All, ct)).Take(o.BatchSize).ToList();
        var summaries = uids.Count == 0 ? [] : await inbox.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            var key = Key(summary, inbox.UidValidity);
            MailboxOutcome outcome;
            try
            {
                var (taken, earlier) = await TakeAsync(inbox, summary, key, o, ct);
                outcome = taken;
                if (earlier) already++;
                else counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not IOException && ex is not ImapProtocolException)
            {
                // Nothing was committed for this mail: it stays in the inbox and the next poll tries it again.
                logger.LogError(ex, "Mailbox intake: mail {Key} could not be taken; it stays in {Inbox} for the next poll", key, o.Inbox);
                left++;
                continue;
            }
            await inbox.MoveToAsync(summary.UniqueId, folders[outcome], ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.MailboxMessages.Where(m => m.MessageKey == key).ExecuteUpdateAsync(s => s.SetProperty(m => m.MovedAt, now), ct);
        }
        await client.DisconnectAsync(true, ct);
        return new MailboxPollResult(counts, already, left);
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return (await root.CreateAsync(name, true, ct))!;
        }
    }

    /// <summary>The mail's identity across moves and re-deliveries: its Message-ID, else its UID in this inbox.</summary>
    public static string Key(IMessageSummary summary, uint uidValidity)
    {
        var id = summary.Envelope?.MessageId?.Trim();
        var key = string.IsNullOrEmpty(id) ? $"uid:{uidValidity}:{summary.UniqueId.Id}" : "mid:" + id;
        return key.Length > 300 ? key[..300] : key;
    }

    private async Task<(MailboxOutcome Outcome, bool Earlier)> TakeAsync(IMailFolder inbox, IMessageSummary summary, string key, MailboxOptions o, CancellationToken ct)
    {
        if (await EarlierAsync(key, ct) is { } earlier)
        {
            logger.LogWarning("Mailbox intake: mail {Key} was taken before ({Outcome}) but is still in the inbox; moving it only", key, earlier);
            return (earlier, true);
        }
        var size = (long)(summary.Size ?? 0);
        if (size > o.MaxMessageBytes)
        {
            return (await SaveAsync(key, size, ct, reason: $"メールが大きすぎます（{size:N0}バイト、上限{o.MaxMessageBytes:N0}バイト）。"), false);
        }
        MimeMessage message;
        try
        {
            message = await inbox.GetMessageAsync(summary.UniqueId, ct);
        }
        catch (Exception ex) when (ex is ParseException or FormatException)
        {
            logger.LogWarning(ex, "Mailbox intake: mail {Key} cannot be parsed", key);
            return (await SaveAsync(key, size, ct, reason: "メールの形式を読み取れません。"), false);
        }
        if (MailClassifier.AutomaticReason(message) is { } automatic)
        {
            return (await SaveAsync(key, size, ct, reason: automatic, outcome: MailboxOutcome.Ignored), false);
        }
        return (await SaveAsync(key, size, ct, content: MailContent.Read(message)), false);
    }

    private async Task<MailboxOutcome?> EarlierAsync(string key, CancellationToken ct) =>
        await db.MailboxMessages.AsNoTracking().Where(m => m.MessageKey == key).Select(m => (MailboxOutcome?)m.Outcome).FirstOrDefaultAsync(ct);

    /// <summary>One transaction: the case or history entry (if any) and the record of the mail, or neither.</summary>
    private async Task<MailboxOutcome> SaveAsync(string key, long size, CancellationToken cancellationToken,
        string? reason = null, MailboxOutcome outcome = MailboxOutcome.Rejected, MailContent? content = null)
    {
        MailboxMessage record;
        try
        {
            record = await unitOfWork.ExecuteAsync(async ct =>
            {
                var entry = content is null ? Record(key, size, outcome, reason) : await IntakeAsync(key, size, content, ct);
                await db.SaveChangesAsync(ct);
                return entry;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node took the same mail at the same moment: the unique Message-ID refused this one.
            return await EarlierAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"Mail {key} could not be recorded.");
        }
        var folder = record.Outcome switch
        {
            MailboxOutcome.Ignored => options.Value.IgnoredFolder,
            MailboxOutcome.Rejected => options.Value.RejectedFolder,
            _ => options.Value.ProcessedFolder,
        };
        if (record.Outcome == MailboxOutcome.Rejected)
            logger.LogWarning("Mailbox intake: mail {Key} ({Size} bytes) was not taken as a case and goes to folder {Folder}: {Reason}", key, size, folder, record.Reason);
        else if (record.Outcome == MailboxOutcome.Ignored)
            logger.LogInformation("Mailbox intake: mail {Key} is automatic and goes to folder {Folder}: {Reason}", key, folder, record.Reason);
        else
            logger.LogInformation("Mailbox intake: mail {Key} → {Outcome} {Receipt}", key, record.Outcome, record.ReceiptNumber);
        return record.Outcome;
    }

    private MailboxMessage Record(string key, long size, MailboxOutcome outcome, string? reason, Guid? caseId = null, string? receipt = null)
    {
        var record = new MailboxMessage
        {
            MessageKey = key,
            Outcome = outcome,
            Reason = reason is { Length: > 300 } ? reason[..300] : reason,
            Size = size,
            CaseId = caseId,
            ReceiptNumber = receipt,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MailboxMessages.Add(record);
        return record;
    }

    private async Task<MailboxMessage> IntakeAsync(string key, long size, MailContent mail, CancellationToken ct)
    {
        if (mail.FromAddress is not { Length: > 0 } address || !address.Contains('@'))
            return Record(key, size, MailboxOutcome.Rejected, "差出人のメールアドレスがありません。");
        if (mail.Body.Length == 0 && mail.Attachments.Count == 0)
            return Record(key, size, MailboxOutcome.Rejected, "本文も添付ファイルもありません。");
        var email = PersonalDataNormalizer.Email(address);
        string? notice = null;
        if (mail.QuotedReceipt is { } quoted)
        {
            var target = await opinions.Cases.AsNoTracking().Where(c => c.ReceiptNumber == quoted)
                .Select(c => new { c.Id, c.ContactEmailHash }).FirstOrDefaultAsync(ct);
            // Only the case's own sender may add to it: anyone else quoting a number opens a case of their own.
            if (target is not null && target.ContactEmailHash == protector.LookupHash(LookupPurpose.Email, email))
            {
                await history.AddAsync(Actor, target.Id, HistoryAction.Memo, Note($"メールで追加の連絡がありました（件名: {mail.Subject}）", mail), ct);
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var file in mail.Attachments)
                {
                    opinions.Attachments.Add(new CaseAttachment
                    {
                        CaseId = target.Id, FileName = file.FileName, ContentType = FileTypes.Detect(file.Content)!,
                        Size = file.Content.Length, Content = Convert.ToBase64String(file.Content), AddedAt = now,
                    });
                }
                await audit.RecordAsync(new AuditEntry("opinion.case.mail-added", "OpinionCase", target.Id.ToString(), $"{quoted} 添付{mail.Attachments.Count}件"), ct);
                return Record(key, size, MailboxOutcome.AddedToCase, null, target.Id, quoted);
            }
            if (target is not null) notice = $"受付番号 {quoted} を引用していますが、その意見等の差出人と異なるため、新しい意見等として受け付けました。";
        }

        var name = string.IsNullOrWhiteSpace(mail.FromName) ? address : mail.FromName;
        var result = await intake.RegisterAsync(Actor, new IntakeRequest
        {
            Channel = Channel.Email,
            Kind = CaseKind.Opinion,
            ToMayor = true,
            Sender = SenderKind.Contact,
            Name = name.Length > 100 ? name[..100] : name,
            Email = address,
            WantsAnswer = true,
            AnswerMethod = AnswerMethod.Email,
            Subject = mail.Subject,
            Body = mail.Body.Length == 0 ? "（本文なし・添付ファイルのみ）" : mail.Body,
            Attachments = [.. mail.Attachments],
        }, ct);
        if (!result.Succeeded) return Record(key, size, MailboxOutcome.Rejected, string.Join(" ", result.Errors.Values));

        var notes = new List<string>();
        if (notice is not null) notes.Add(notice);
        if (mail.Skipped.Count > 0) notes.Add("保存しなかった添付ファイル: " + string.Join("、", mail.Skipped));
        if (notes.Count > 0) await history.AddAsync(Actor, result.CaseId, HistoryAction.Memo, string.Join("\n", notes), ct);
        await outbox.EnqueueAsync(templates.Render(Startup.ModuleId, "MailboxReceived", email, new Dictionary<string, string>
        {
            ["receiptNumber"] = result.ReceiptNumber!,
        }), ct);
        return Record(key, size, MailboxOutcome.CaseCreated, null, result.CaseId, result.ReceiptNumber);
    }

    private static string Note(string heading, MailContent mail)
    {
        var text = heading + "\n\n" + mail.Body;
        if (mail.Attachments.Count > 0) text += "\n\n添付ファイル: " + string.Join("、", mail.Attachments.Select(a => a.FileName));
        if (mail.Skipped.Count > 0) text += "\n保存しなかった添付ファイル: " + string.Join("、", mail.Skipped);
        return text.Length > 10_000 ? text[..9_990] + "…（以下省略）" : text;
    }
}
