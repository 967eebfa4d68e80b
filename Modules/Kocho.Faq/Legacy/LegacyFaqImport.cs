using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Legacy;

/// <summary>
/// データ移行: writes the old system's FAQ entries in bulk inside the caller's unit of work, each as one published
/// version (非公開 as unpublished) with its number, dates and view count — without the approval workflow, since the
/// migration as a whole is authorised once (the caller records that in the audit trail).
/// </summary>
public sealed class LegacyFaqImport(FaqDbContext db, UnitOfWork unitOfWork)
{
    public const string MigrationActorName = "データ移行";
    private const int BatchSize = 1000;

    public async Task<HashSet<int>> ExistingNumbersAsync(CancellationToken cancellationToken) =>
        (await db.Entries.AsNoTracking().Select(e => e.Number).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Adds the entries; call inside <c>UnitOfWork.ExecuteAsync</c>. No events: the caller rebuilds the search index once after commit.</summary>
    public async Task AddAsync(IReadOnlyList<LegacyFaq> entries, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (!unitOfWork.InTransaction) throw new InvalidOperationException("The legacy import writes inside the caller's UnitOfWork.ExecuteAsync.");
        var done = 0;
        foreach (var batch in entries.Chunk(BatchSize))
        {
            foreach (var item in batch)
            {
                var created = JapanTime.StartOfDayUtc(item.RegisteredOn).AddHours(9);
                var updated = JapanTime.StartOfDayUtc(item.UpdatedOn).AddHours(9);
                var entry = new FaqEntry
                {
                    Number = item.Number, OwnerDepartmentId = item.OwnerDepartmentId, ViewCount = item.ViewCount,
                    CreatedAt = created, UpdatedAt = updated, LastReviewedOn = item.UpdatedOn,
                };
                var version = new FaqVersion
                {
                    EntryId = entry.Id, VersionNumber = 1, Question = item.Question, Answer = item.Answer, CategoryId = item.CategoryId,
                    Visibility = item.Visibility, Status = item.Published ? FaqVersionStatus.Published : FaqVersionStatus.Unpublished,
                    EditedByName = MigrationActorName, CreatedAt = created, UpdatedAt = updated, PublishedAt = updated,
                };
                if (item.Published)
                {
                    entry.PublishedVersionId = version.Id;
                    entry.LiveVersionId = version.Id;
                }
                db.Entries.Add(entry);
                db.Versions.Add(version);
                db.History.Add(new FaqHistoryEntry
                {
                    EntryId = entry.Id, VersionId = version.Id, VersionNumber = 1, Action = "imported",
                    Comment = "旧システムから移行しました（移行の承認による）。", ActorName = MigrationActorName, OccurredAt = updated,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(done);
        }
    }

    /// <summary>The named entries read back in the shape they were written (their latest version), for verification.</summary>
    public async Task<List<LegacyFaq>> ReadAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        var result = new List<LegacyFaq>();
        foreach (var chunk in numbers.Chunk(500))
        {
            var entries = await db.Entries.AsNoTracking().Where(e => chunk.Contains(e.Number)).ToListAsync(cancellationToken);
            var ids = entries.Select(e => e.Id).ToList();
            var versions = (await db.Versions.AsNoTracking().Where(v => ids.Contains(v.EntryId)).ToListAsync(cancellationToken))
                .GroupBy(v => v.EntryId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.VersionNumber)!);
            foreach (var e in entries)
            {
                var v = versions[e.Id];
                result.Add(new LegacyFaq
                {
                    Number = e.Number, Question = v.Question, Answer = v.Answer, OwnerDepartmentId = e.OwnerDepartmentId, CategoryId = v.CategoryId,
                    Visibility = v.Visibility, Published = e.PublishedVersionId is not null,
                    RegisteredOn = DateOnly.FromDateTime(JapanTime.ToJst(e.CreatedAt)), UpdatedOn = DateOnly.FromDateTime(JapanTime.ToJst(e.UpdatedAt)),
                    ViewCount = e.ViewCount,
                });
            }
        }
        return result;
    }
}
