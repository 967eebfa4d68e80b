using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Audit;

/// <summary>
/// Walks the whole chain in sequence order, a page at a time (the trail grows to millions of rows), and stops at
/// the first record that does not hold: a missing predecessor, a broken link or a hash that does not match.
/// Records removed from the end cannot be seen from the chain alone; compare <see cref="AuditVerification.LastHash"/>
/// with a copy kept elsewhere for that.
/// </summary>
public sealed class AuditVerifier(AuditDbContext db)
{
    public const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long count = 0;
        long last = 0;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            var after = last;
            var page = await db.Records.AsNoTracking()
                .Where(r => r.Sequence > after)
                .OrderBy(r => r.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var record in page)
            {
                var problem = record.Sequence != last + 1
                    ? $"直前の記録 #{last + 1} がありません"
                    : record.PreviousHash != previousHash
                        ? "直前の記録のハッシュとつながっていません"
                        : record.Hash != AuditHash.Compute(record)
                            ? "ハッシュが一致しません"
                            : null;
                if (problem is not null)
                {
                    return new AuditVerification(count, record.Sequence, problem, last == 0 ? null : previousHash);
                }
                count++;
                last = record.Sequence;
                previousHash = record.Hash;
            }
            if (page.Count < PageSize)
            {
                return new AuditVerification(count, null, null, count == 0 ? null : previousHash);
            }
        }
    }
}

/// <summary>
/// The result of <see cref="AuditVerifier.VerifyAsync"/>: <see cref="Count"/> records hold; when
/// <see cref="BrokenSequence"/> is set, that record is the first that does not, for the reason in <see cref="Problem"/>.
/// </summary>
public sealed record AuditVerification(long Count, long? BrokenSequence, string? Problem, string? LastHash)
{
    public bool IsIntact => BrokenSequence is null;
}
