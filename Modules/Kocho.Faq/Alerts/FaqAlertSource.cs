using Kocho.Core.Alerts;
using Kocho.Core.Calendar;
using Kocho.Core.Settings;
using Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;
using Kocho.Faq.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Alerts;

/// <summary>
/// FAQ entries for alerts, read from this module's own tables: the entry's title and 担当課, and the morning scan's
/// 見直し時期 (a live entry not reviewed for <c>Faq.ReviewMonths</c> months; a never reviewed one counts from its creation).
/// </summary>
public sealed class FaqAlertSource(FaqDbContext db, SiteSettings settings) : IAlertConditionSource
{
    public const string Type = "FaqEntry";

    public string ItemType => Type;

    public IReadOnlyCollection<AlertCondition> Conditions { get; } = [AlertCondition.ReviewDue];

    public async Task<AlertItem?> FindAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == itemId)
            .Select(e => new { e.Id, e.Number, e.OwnerDepartmentId, VersionId = e.WorkingVersionId ?? e.LiveVersionId ?? e.PublishedVersionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null) return null;
        var question = await db.Versions.AsNoTracking().Where(v => v.Id == entry.VersionId).Select(v => v.Question).FirstOrDefaultAsync(cancellationToken);
        return new AlertItem(entry.Id, Title(entry.Number, question), entry.OwnerDepartmentId, Path(entry.Number));
    }

    public async Task<IReadOnlyList<AlertItem>> InConditionAsync(AlertCondition condition, DateOnly asOf, int businessDays, CancellationToken cancellationToken = default)
    {
        if (condition != AlertCondition.ReviewDue) return [];
        var months = await settings.GetAsync<int?>(ReviewsModel.MonthsSetting, cancellationToken) is { } m and > 0 ? m : ReviewsModel.DefaultMonths;
        var rows = await (from e in db.Entries.AsNoTracking()
                          where e.LiveVersionId != null
                          join v in db.Versions.AsNoTracking() on e.LiveVersionId equals v.Id
                          select new { e.Id, e.Number, e.OwnerDepartmentId, e.LastReviewedOn, e.CreatedAt, v.Question })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (Row: r, Due: (r.LastReviewedOn ?? DateOnly.FromDateTime(JapanTime.ToJst(r.CreatedAt))).AddMonths(months)))
            .Where(x => x.Due <= asOf)
            .OrderBy(x => x.Row.Number)
            .Select(x => new AlertItem(x.Row.Id, Title(x.Row.Number, x.Row.Question), x.Row.OwnerDepartmentId, Path(x.Row.Number), x.Due))
            .ToList();
    }

    private static string Title(int number, string? question)
    {
        var text = question ?? "";
        return $"FAQ No.{number} {(text.Length > 60 ? text[..60] + "…" : text)}".TrimEnd();
    }

    private static string Path(int number) => $"/admin/faq/{number}";
}
