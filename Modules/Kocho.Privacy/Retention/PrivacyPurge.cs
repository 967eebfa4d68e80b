using System.Data.Common;
using System.Text.Json;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Core.Protection.Redaction;
using Kocho.Core.Residents;
using Kocho.Core.Search;
using Kocho.Core.Settings;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Kocho.Privacy.Retention;

/// <summary>
/// 特記事項 10 (保存期間経過後の消去): erases the personal data of finished cases past their retention period and of
/// closed resident accounts — contact details, the link to the account, attachments; subject, text, answer, history
/// and forwarding notes are redacted — while kind, channel, dates, departments, categories and status (the statistics)
/// stay. Then no copy is left behind: superseded search changes, deleted index documents, sent mails to the person
/// (outbox rows and pickup files) and, on SQLite, freed pages (secure_delete + VACUUM).
/// </summary>
public sealed class PrivacyPurge(
    OpinionsDbContext opinions,
    RetentionDbContext retention,
    MailDbContext mail,
    SiteSettings settings,
    IResidentDirectory residents,
    IPersonalDataRedactor redactor,
    UnitOfWork unitOfWork,
    IAuditTrail audit,
    ISearchService search,
    CaseIndexer indexer,
    KochoOptions kocho,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<PrivacyPurge> logger)
{
    public const string Job = "privacy.purge";

    private static readonly CaseStatus[] Finished = [CaseStatus.Answered, CaseStatus.Completed, CaseStatus.NoAnswerNeeded];

    /// <summary>The cases a purge now would erase, oldest first.</summary>
    public async Task<IReadOnlyList<PurgeCandidate>> FindAsync(CancellationToken cancellationToken = default)
    {
        var policy = await RetentionPolicy.LoadAsync(settings, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = new Dictionary<Guid, PurgeCandidate>();
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var cutoff = now.AddYears(-policy.YearsFor(kind));
            var rows = await opinions.Cases.AsNoTracking()
                .Where(c => c.Kind == kind && Finished.Contains(c.Status) && (c.ClosedAt ?? c.AnsweredAt ?? c.UpdatedAt) < cutoff)
                .Select(c => new { c.Id, c.ReceiptNumber, Finished = c.ClosedAt ?? c.AnsweredAt ?? c.UpdatedAt })
                .ToListAsync(cancellationToken);
            foreach (var r in rows) found[r.Id] = new PurgeCandidate(r.Id, r.ReceiptNumber, ErasureReason.Expired, DateOnly.FromDateTime(r.Finished), 0);
        }
        var closed = await retention.ClosedAccounts.AsNoTracking().Select(a => a.UserId).ToListAsync(cancellationToken);
        foreach (var chunk in closed.Chunk(200))
        {
            var rows = await opinions.Cases.AsNoTracking()
                .Where(c => c.ResidentUserId != null && chunk.Contains(c.ResidentUserId) && Finished.Contains(c.Status))
                .Select(c => new { c.Id, c.ReceiptNumber, Finished = c.ClosedAt ?? c.AnsweredAt ?? c.UpdatedAt })
                .ToListAsync(cancellationToken);
            foreach (var r in rows.Where(r => !found.ContainsKey(r.Id)))
                found[r.Id] = new PurgeCandidate(r.Id, r.ReceiptNumber, ErasureReason.AccountClosed, DateOnly.FromDateTime(r.Finished), 0);
        }
        var erased = new HashSet<Guid>();
        foreach (var chunk in found.Keys.Chunk(500))
        {
            erased.UnionWith(await retention.ErasedCases.AsNoTracking().Where(e => chunk.Contains(e.CaseId)).Select(e => e.CaseId).ToListAsync(cancellationToken));
        }
        var result = found.Values.Where(c => !erased.Contains(c.CaseId)).ToList();
        var attachments = new Dictionary<Guid, int>();
        foreach (var chunk in result.Select(c => c.CaseId).Chunk(500))
        {
            foreach (var a in await opinions.Attachments.AsNoTracking().Where(a => chunk.Contains(a.CaseId)).GroupBy(a => a.CaseId)
                         .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                attachments[a.Key] = a.Count;
        }
        return result.Select(c => c with { Attachments = attachments.GetValueOrDefault(c.CaseId) })
            .OrderBy(c => c.FinishedOn).ThenBy(c => c.ReceiptNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>Erases what <see cref="FindAsync"/> finds; with <paramref name="dryRun"/> only reports it and changes nothing.</summary>
    public async Task<PurgeReport> RunAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var candidates = await FindAsync(cancellationToken);
        if (dryRun) return new PurgeReport(candidates, 0, candidates.Sum(c => c.Attachments), 0, 0, DryRun: true);

        await SecureDeleteAsync(cancellationToken);
        var masked = 0;
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // What closed accounts held: their profiles are gone, yet their names may stand in their cases' text.
        var closedKnown = (await retention.ClosedAccounts.AsNoTracking().Where(a => a.Known != null).ToListAsync(cancellationToken))
            .ToDictionary(a => a.UserId, a => JsonSerializer.Deserialize<string[]>(a.Known!) ?? []);
        foreach (var candidate in candidates)
        {
            masked += await EraseCaseAsync(candidate, emails, closedKnown, cancellationToken);
        }
        var ids = candidates.Select(c => c.CaseId).ToList();
        if (ids.Count > 0) await search.ExpungeAsync(CaseIndex.Name, ids.Select(i => i.ToString()).ToList(), cancellationToken);

        // Closed accounts no case refers to any more are forgotten, with what they held; mails to them go too.
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in (await retention.ClosedAccounts.AsNoTracking().Select(a => a.UserId).ToListAsync(cancellationToken)).Chunk(200))
        {
            var stillHeld = await opinions.Cases.AsNoTracking().Where(c => c.ResidentUserId != null && chunk.Contains(c.ResidentUserId)).Select(c => c.ResidentUserId!).Distinct().ToListAsync(cancellationToken);
            released.UnionWith(chunk.Except(stillHeld));
        }
        foreach (var userId in released)
        {
            if (closedKnown.TryGetValue(userId, out var held)) emails.UnionWith(held.Where(v => v.Contains('@')));
        }
        var (mails, files) = await EraseMailsAsync(emails, cancellationToken);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var releasedIds = released.ToList();
            retention.ClosedAccounts.RemoveRange(await retention.ClosedAccounts.Where(a => releasedIds.Contains(a.UserId)).ToListAsync(ct));
            await retention.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry("privacy.purge", "Privacy", null,
                $"cases={candidates.Count}; masked={masked}; attachments={candidates.Sum(c => c.Attachments)}; mails={mails}; mailFiles={files}"), ct);
        }, cancellationToken);
        await CompactAsync(cancellationToken);
        logger.LogInformation("Privacy purge: {Cases} case(s) erased, {Mails} mail(s) and {Files} mail file(s) removed", candidates.Count, mails, files);
        return new PurgeReport(candidates, masked, candidates.Sum(c => c.Attachments), mails, files, DryRun: false);
    }

    /// <summary>One case in one transaction with its audit record (counts only, never the values).</summary>
    private Task<int> EraseCaseAsync(PurgeCandidate candidate, HashSet<string> emails, Dictionary<string, string[]> closedKnown, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var c = await opinions.Cases.FirstAsync(x => x.Id == candidate.CaseId, ct);
            var known = new List<string?> { c.ContactName, c.ContactAddress, c.ContactPhone, c.ContactFax, c.ContactEmail, c.ContactPostalCode };
            if (c.ContactEmail is { } email) emails.Add(email);
            if (c.ResidentUserId is { } userId && await residents.FindAsync(userId, ct) is { } resident)
            {
                known.AddRange([resident.Name, resident.Address, resident.Phone, resident.Fax, resident.Email, resident.PostalCode]);
                emails.Add(resident.Email);
            }
            else if (c.ResidentUserId is { } closedId && closedKnown.TryGetValue(closedId, out var held))
            {
                known.AddRange(held);
                emails.UnionWith(held.Where(v => v.Contains('@')));
            }
            var count = 0;
            string Mask(string? text)
            {
                var result = redactor.Redact(text, known);
                count += result.Items.Count;
                return result.Text;
            }
            var subject = Mask(c.Subject);
            c.Subject = subject.Length > 200 ? subject[..200] : subject;
            c.Body = Mask(c.Body);
            c.ContactName = c.ContactPostalCode = c.ContactAddress = c.ContactPhone = c.ContactFax = c.ContactEmail = null;
            c.ContactPhoneHash = c.ContactEmailHash = null;
            c.ResidentUserId = null;
            c.AccessCodeHash = null;
            c.FormToken = null;
            foreach (var answer in await opinions.Answers.Where(a => a.CaseId == c.Id).ToListAsync(ct))
            {
                answer.Text = Mask(answer.Text);
                if (answer.ReturnReason is not null) answer.ReturnReason = Mask(answer.ReturnReason);
            }
            foreach (var entry in await opinions.History.Where(h => h.CaseId == c.Id && h.Note != null).ToListAsync(ct))
            {
                entry.Note = Mask(entry.Note);
            }
            foreach (var forwarding in await opinions.Forwardings.Where(f => f.CaseId == c.Id).ToListAsync(ct))
            {
                if (forwarding.Comment is not null) forwarding.Comment = Mask(forwarding.Comment);
                if (forwarding.ReturnReason is not null) forwarding.ReturnReason = Mask(forwarding.ReturnReason);
            }
            opinions.Attachments.RemoveRange(await opinions.Attachments.Where(a => a.CaseId == c.Id).ToListAsync(ct));
            await opinions.SaveChangesAsync(ct);
            // The redacted case replaces the indexed one in the same transaction (the search change feed).
            await indexer.IndexAsync(c.Id, ct);
            retention.ErasedCases.Add(new ErasedCase { CaseId = c.Id, ErasedAt = clock.GetUtcNow().UtcDateTime, Reason = candidate.Reason.ToString() });
            await retention.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry("privacy.case.erased", "OpinionCase", c.Id.ToString(),
                $"reason={candidate.Reason}; masked={count}; attachments={candidate.Attachments}"), ct);
            return count;
        }, cancellationToken);

    /// <summary>Sent or failed mails to the erased addresses: their outbox rows and their files in the pickup folder.</summary>
    private async Task<(int Rows, int Files)> EraseMailsAsync(HashSet<string> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0) return (0, 0);
        var messageIds = await unitOfWork.ExecuteAsync(async ct =>
        {
            var done = await mail.Outbox.Where(m => m.Status == OutboxMailStatus.Sent || m.Status == OutboxMailStatus.Failed).ToListAsync(ct);
            var matching = done.Where(m => emails.Contains(m.To.Trim())).ToList();
            mail.Outbox.RemoveRange(matching);
            await mail.SaveChangesAsync(ct);
            return matching.Select(m => m.MessageId).ToList();
        }, cancellationToken);
        var folder = Path.Combine(kocho.FullDataPath(environment.ContentRootPath), "mail");
        var files = 0;
        if (!Directory.Exists(folder)) return (messageIds.Count, 0);
        var named = messageIds.Select(PickupFolderMailTransport.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var remove = named.Contains(Path.GetFileName(file));
            if (!remove)
            {
                try
                {
                    using var message = await MimeMessage.LoadAsync(file, cancellationToken);
                    remove = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => emails.Contains(m.Address));
                }
                catch (FormatException)
                {
                    logger.LogWarning("The mail file {File} could not be read; the purge left it", Path.GetFileName(file));
                }
            }
            if (!remove) continue;
            File.Delete(file);
            files++;
        }
        return (messageIds.Count, files);
    }

    /// <summary>SQLite overwrites what it deletes on this connection from now on.</summary>
    private async Task SecureDeleteAsync(CancellationToken cancellationToken)
    {
        if (unitOfWork.Provider != DatabaseProvider.Sqlite) return;
        await ExecuteAsync("PRAGMA secure_delete = ON", cancellationToken);
    }

    /// <summary>
    /// SQLite: VACUUM rewrites the file without free pages, the checkpoint empties the write-ahead log. PostgreSQL:
    /// VACUUM frees the dead row versions of the purged tables for reuse.
    /// </summary>
    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        if (unitOfWork.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync("VACUUM", cancellationToken);
            await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
        else
        {
            await ExecuteAsync("VACUUM opinion_cases, opinion_answers, opinion_history, opinion_forwardings, opinion_attachments, core_search_changes, core_mail_outbox", cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        DbConnection connection = unitOfWork.Connection;
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
