using Kocho.Core.Calendar;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Public;

/// <summary>
/// The only way public pages and the API read FAQ entries: 内部 entries, unpublished ones and those outside their publish
/// window are filtered in the query itself, so they can never appear on the internet site (a direct URL is 404).
/// </summary>
public sealed class FaqPublicCatalog(FaqDbContext db, TimeProvider clock)
{
    public IQueryable<FaqPublicEntry> Live()
    {
        var today = JapanTime.Today(clock);
        return from e in db.Entries.AsNoTracking()
               join v in db.Versions.AsNoTracking() on e.LiveVersionId equals v.Id
               where v.Status == FaqVersionStatus.Published && v.Visibility == FaqVisibility.Public
                     && (v.PublishFrom == null || v.PublishFrom <= today) && (v.PublishTo == null || v.PublishTo >= today)
               select new FaqPublicEntry { EntryId = e.Id, Number = e.Number, Version = v, OwnerDepartmentId = e.OwnerDepartmentId, ViewCount = e.ViewCount };
    }

    public Task<FaqPublicEntry?> FindAsync(int number, CancellationToken cancellationToken) =>
        Live().FirstOrDefaultAsync(x => x.Number == number, cancellationToken);

    public async Task<IReadOnlyDictionary<int, FaqPublicEntry>> FindManyAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken) =>
        await Live().Where(x => numbers.Contains(x.Number)).ToDictionaryAsync(x => x.Number, cancellationToken);

    public Task CountViewAsync(Guid entryId, CancellationToken cancellationToken) =>
        db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ViewCount, e => e.ViewCount + 1), cancellationToken);
}
