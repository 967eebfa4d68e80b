using Kocho.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Audit;

/// <summary>What an administrator searches the trail by; dates are JST calendar dates, both ends included.</summary>
public sealed record AuditSearchFilter(
    string? User = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Action = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>One page of results, newest first; <see cref="HasNextPage"/> instead of a total, which would cost a scan of millions of rows.</summary>
public sealed record AuditSearchResult(IReadOnlyList<AuditRecord> Records, int Page, bool HasNextPage);

/// <summary>
/// Searches the audit trail: user (user id, or part of the name/login), entity type and id (exact), action (prefix,
/// so <c>staff.signin</c> finds every sign-in event) and a JST date range.
/// </summary>
public sealed class AuditSearch(AuditDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditSearchResult> SearchAsync(AuditSearchFilter filter, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var query = db.Records.AsNoTracking();
        if (Trimmed(filter.User) is { } user)
        {
            query = query.Where(r => r.ActorId == user || r.ActorName.Contains(user));
        }
        if (Trimmed(filter.EntityType) is { } entityType)
        {
            query = query.Where(r => r.EntityType == entityType);
        }
        if (Trimmed(filter.EntityId) is { } entityId)
        {
            query = query.Where(r => r.EntityId == entityId);
        }
        if (Trimmed(filter.Action) is { } action)
        {
            query = query.Where(r => r.Action.StartsWith(action));
        }
        if (filter.From is { } from)
        {
            var start = JapanTime.StartOfDayUtc(from);
            query = query.Where(r => r.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = JapanTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(r => r.OccurredAt < end);
        }
        var rows = await query
            .OrderByDescending(r => r.Sequence)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        return new AuditSearchResult(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
