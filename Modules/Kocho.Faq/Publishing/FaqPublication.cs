using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Events;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Publishing;

/// <summary>
/// Decides which version of an entry is on the site today: the approved one, while inside its publish-from/to window
/// (Japan dates). A change raises <see cref="FaqPublished"/> or <see cref="FaqUnpublished"/> after commit.
/// </summary>
public sealed class FaqPublication(FaqDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public DateOnly Today => JapanTime.Today(clock);

    /// <summary>Brings <see cref="FaqEntry.LiveVersionId"/> up to date; call inside the unit of work that changed the entry.</summary>
    public async Task ApplyAsync(FaqEntry entry, CancellationToken cancellationToken)
    {
        Guid? live = null;
        if (entry.PublishedVersionId is { } publishedId)
        {
            var version = db.Versions.Local.FirstOrDefault(v => v.Id == publishedId)
                ?? await db.Versions.FirstAsync(v => v.Id == publishedId, cancellationToken);
            if (version.Status == FaqVersionStatus.Published && version.IsInPublishWindow(Today)) live = version.Id;
        }
        if (live == entry.LiveVersionId) return;
        entry.LiveVersionId = live;
        if (live is { } id) unitOfWork.Publish(new FaqPublished(entry.Id, entry.Number, id));
        else unitOfWork.Publish(new FaqUnpublished(entry.Id, entry.Number));
    }

    /// <summary>Entries whose publish window opened or closed since they were last looked at (the daily job, and at start).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var today = Today;
            var candidates = await (
                from e in db.Entries
                join v in db.Versions on e.PublishedVersionId equals v.Id into published
                from v in published.DefaultIfEmpty()
                where e.LiveVersionId != null || e.PublishedVersionId != null
                select new { Entry = e, Version = v }).ToListAsync(ct);
            var changed = 0;
            foreach (var c in candidates)
            {
                var shouldBeLive = c.Version is { Status: FaqVersionStatus.Published } v && v.IsInPublishWindow(today) ? v.Id : (Guid?)null;
                if (shouldBeLive == c.Entry.LiveVersionId) continue;
                await ApplyAsync(c.Entry, ct);
                changed++;
            }
            return changed;
        }, cancellationToken);
    }
}
