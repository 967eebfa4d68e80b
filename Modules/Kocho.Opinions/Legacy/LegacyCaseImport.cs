using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Legacy;

/// <summary>
/// データ移行: writes the old system's cases (with their receipt numbers, forwardings, answer and history) in bulk inside
/// the caller's unit of work, through the module's entities so personal data is encrypted like any other. Batches are
/// saved together; the receipt counters are raised past the imported numbers so intake never gives one again.
/// </summary>
public sealed class LegacyCaseImport(OpinionsDbContext db, UnitOfWork unitOfWork, IPersonalDataProtector protector)
{
    /// <summary>Who the generated answer entries name; verification leaves them out of the history comparison.</summary>
    public const string MigrationActorName = "データ移行";
    private const int BatchSize = 2000;

    public async Task<HashSet<string>> ExistingReceiptNumbersAsync(CancellationToken cancellationToken) =>
        (await db.Cases.AsNoTracking().Select(c => c.ReceiptNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Case ids by receipt number, for the cases named.</summary>
    public async Task<Dictionary<string, Guid>> CaseIdsAsync(IReadOnlyCollection<string> receiptNumbers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in receiptNumbers.Chunk(500))
        {
            foreach (var row in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.ReceiptNumber)).Select(c => new { c.ReceiptNumber, c.Id }).ToListAsync(cancellationToken))
            {
                result[row.ReceiptNumber] = row.Id;
            }
        }
        return result;
    }

    /// <summary>Adds the cases and raises the receipt counters; call inside <c>UnitOfWork.ExecuteAsync</c>.</summary>
    public async Task AddCasesAsync(IReadOnlyList<LegacyCase> cases, DateTime now, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        RequireTransaction();
        var done = 0;
        foreach (var batch in cases.Chunk(BatchSize))
        {
            foreach (var item in batch) Add(item, now);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(done);
        }
        foreach (var year in cases.GroupBy(c => c.FiscalYear))
        {
            var last = year.Max(c => c.Sequence);
            var counter = await db.ReceiptCounters.FirstOrDefaultAsync(c => c.FiscalYear == year.Key, cancellationToken);
            if (counter is null) db.ReceiptCounters.Add(new ReceiptCounter { FiscalYear = year.Key, Last = last });
            else if (counter.Last < last) counter.Last = last;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Adds history rows to cases already written (by <see cref="AddCasesAsync"/> or an earlier run).</summary>
    public async Task AddHistoryAsync(IReadOnlyList<LegacyHistory> rows, IReadOnlyDictionary<string, Guid> caseIds, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        RequireTransaction();
        var done = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            foreach (var row in batch)
            {
                db.History.Add(new HistoryEntry
                {
                    CaseId = caseIds[row.ReceiptNumber], At = row.At, ActorName = row.ActorName, DepartmentId = row.DepartmentId,
                    Action = row.Action, Note = row.Note,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(done);
        }
    }

    /// <summary>The history of the named cases as the old system would have listed it (generated entries left out).</summary>
    public async Task<List<LegacyHistory>> ReadHistoryAsync(IReadOnlyDictionary<string, Guid> caseIds, CancellationToken cancellationToken)
    {
        var receipts = caseIds.ToDictionary(p => p.Value, p => p.Key);
        var result = new List<LegacyHistory>();
        foreach (var chunk in caseIds.Values.Chunk(500))
        {
            var entries = await db.History.AsNoTracking()
                .Where(h => chunk.Contains(h.CaseId) && h.ActorName != MigrationActorName && h.CorrectsId == null)
                .ToListAsync(cancellationToken);
            result.AddRange(entries.Select(h => new LegacyHistory(receipts[h.CaseId], h.At, h.DepartmentId, h.Action, h.Note, h.ActorName)));
        }
        return result;
    }

    /// <summary>The named cases read back (decrypted) in the shape they were written, for verification.</summary>
    public async Task<List<LegacyCase>> ReadCasesAsync(IReadOnlyCollection<string> receiptNumbers, CancellationToken cancellationToken)
    {
        var result = new List<LegacyCase>();
        foreach (var chunk in receiptNumbers.Chunk(500))
        {
            var cases = await db.Cases.AsNoTracking().Include(c => c.Forwardings).Where(c => chunk.Contains(c.ReceiptNumber)).ToListAsync(cancellationToken);
            var ids = cases.Select(c => c.Id).ToList();
            var answers = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToDictionaryAsync(a => a.CaseId, cancellationToken);
            foreach (var c in cases)
            {
                var answer = answers.GetValueOrDefault(c.Id);
                result.Add(new LegacyCase
                {
                    ReceiptNumber = c.ReceiptNumber, FiscalYear = c.FiscalYear, Sequence = c.Sequence, ReceivedOn = c.ReceivedOn,
                    Channel = c.Channel, Kind = c.Kind, Subject = c.Subject, Body = c.Body, Anonymous = c.Sender == SenderKind.Anonymous,
                    Name = c.ContactName, PostalCode = c.ContactPostalCode, Address = c.ContactAddress, Phone = c.ContactPhone,
                    Fax = c.ContactFax, Email = c.ContactEmail, LeadDepartmentId = c.LeadDepartmentId,
                    RelatedDepartmentIds = c.Forwardings.Where(f => f.Role == ForwardingRole.Related && f.IsActive).Select(f => f.DepartmentId).ToList(),
                    Status = c.Status, AnswerDue = c.AnswerDue,
                    AnsweredOn = c.AnsweredAt is { } at ? DateOnly.FromDateTime(JapanTime.ToJst(at)) : null,
                    AnswerText = answer?.Text,
                });
            }
        }
        return result;
    }

    private void Add(LegacyCase item, DateTime now)
    {
        var answered = item.Status is CaseStatus.Answered or CaseStatus.Completed && item.AnsweredOn is not null;
        var answeredAt = item.AnsweredOn is { } on ? JapanTime.StartOfDayUtc(on).AddHours(9) : (DateTime?)null;
        var receivedAt = JapanTime.StartOfDayUtc(item.ReceivedOn).AddHours(9);
        var contact = !item.Anonymous;
        var method = !contact || item.Status == CaseStatus.NoAnswerNeeded ? AnswerMethod.None
            : !string.IsNullOrEmpty(item.Email) ? AnswerMethod.Email
            : !string.IsNullOrEmpty(item.Address) ? AnswerMethod.Letter
            : !string.IsNullOrEmpty(item.Phone) ? AnswerMethod.Phone : AnswerMethod.None;
        var opinionCase = new OpinionCase
        {
            ReceiptNumber = item.ReceiptNumber, FiscalYear = item.FiscalYear, Sequence = item.Sequence,
            Kind = item.Kind, Channel = item.Channel, ReceivedOn = item.ReceivedOn, RegisteredAt = now, UpdatedAt = now,
            Subject = item.Subject, Body = item.Body, ToMayor = item.Channel is Channel.MayorPostcard or Channel.Letter,
            Status = item.Status, AnswerRequired = method != AnswerMethod.None, AnswerMethod = method,
            Sender = contact ? SenderKind.Contact : SenderKind.Anonymous,
            ContactName = contact ? item.Name : null,
            ContactPostalCode = contact ? item.PostalCode : null,
            ContactAddress = contact ? item.Address : null,
            ContactPhone = contact ? item.Phone : null,
            ContactPhoneHash = contact && item.Phone is { } phone ? protector.LookupHash(LookupPurpose.Phone, PersonalDataNormalizer.Phone(phone)) : null,
            ContactFax = contact ? item.Fax : null,
            ContactEmail = contact ? item.Email : null,
            ContactEmailHash = contact && item.Email is { } email ? protector.LookupHash(LookupPurpose.Email, PersonalDataNormalizer.Email(email)) : null,
            LeadDepartmentId = item.LeadDepartmentId,
            AnswerDue = item.LeadDepartmentId is null ? null : item.AnswerDue,
            AnsweredAt = answered ? answeredAt : null,
            ClosedAt = item.Status is CaseStatus.Completed or CaseStatus.NoAnswerNeeded ? answeredAt ?? receivedAt : null,
        };
        var forwardingStatus = item.Status switch
        {
            CaseStatus.Received or CaseStatus.Forwarded => ForwardingStatus.Forwarded,
            CaseStatus.Answered => ForwardingStatus.Answered,
            CaseStatus.Completed or CaseStatus.NoAnswerNeeded => ForwardingStatus.Completed,
            _ => ForwardingStatus.InProgress,
        };
        var departments = (item.LeadDepartmentId is { } lead ? [(lead, ForwardingRole.Lead)] : Array.Empty<(Guid, ForwardingRole)>())
            .Concat(item.RelatedDepartmentIds.Select(d => (d, ForwardingRole.Related)));
        foreach (var (departmentId, role) in departments)
        {
            opinionCase.Forwardings.Add(new CaseForwarding
            {
                CaseId = opinionCase.Id, DepartmentId = departmentId, Role = role, Status = forwardingStatus,
                DueOn = item.AnswerDue ?? item.ReceivedOn, ForwardedAt = receivedAt,
                CompletedAt = forwardingStatus == ForwardingStatus.Completed ? opinionCase.ClosedAt : null,
            });
        }
        foreach (var categoryId in item.CategoryIds) opinionCase.Categories.Add(new CaseCategory { CaseId = opinionCase.Id, CategoryId = categoryId });
        db.Cases.Add(opinionCase);
        if (answered && item.AnswerText is { } text)
        {
            db.Answers.Add(new CaseAnswer
            {
                CaseId = opinionCase.Id, DepartmentId = item.LeadDepartmentId, Text = text, Status = AnswerStatus.Sent, Method = method,
                DraftedByName = MigrationActorName, DraftedAt = answeredAt!.Value, SentByName = MigrationActorName, SentAt = answeredAt,
            });
            db.History.Add(new HistoryEntry
            {
                CaseId = opinionCase.Id, At = answeredAt!.Value, ActorName = MigrationActorName, DepartmentId = item.LeadDepartmentId,
                Action = HistoryAction.AnswerSent, Note = "旧システムの回答を移行しました。",
            });
        }
    }

    private void RequireTransaction()
    {
        if (!unitOfWork.InTransaction) throw new InvalidOperationException("The legacy import writes inside the caller's UnitOfWork.ExecuteAsync.");
    }
}
