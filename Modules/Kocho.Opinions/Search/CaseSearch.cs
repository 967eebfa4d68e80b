using System.Text;
using System.Text.RegularExpressions;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Search;

/// <summary>
/// 意見等の検索 (issue #4 item 7): receipt number, words (the "cases" index), channel, kind, status, department,
/// category, received dates, overdue; paged and sorted. Department isolation is applied twice: the index is asked
/// only for the actor's department, and the database query keeps only cases <see cref="CaseVisibility"/> allows.
/// </summary>
public sealed partial class CaseSearch(OpinionsDbContext db, CoreDbContext core, ISearchService search, BusinessCalendarService calendar, TimeProvider clock)
{
    /// <summary>Words match at most this many cases (the most relevant); the other filters then narrow them.</summary>
    public const int MaxTextMatches = 1000;

    private static readonly CaseStatus[] Done = [CaseStatus.Answered, CaseStatus.Completed, CaseStatus.NoAnswerNeeded];

    public async Task<CaseSearchResult> SearchAsync(CaseActor actor, CaseSearchQuery query, CancellationToken cancellationToken = default)
    {
        var today = JapanTime.Today(clock);
        var cases = db.Cases.AsNoTracking().VisibleTo(actor);

        if (NormalizedReceipt(query.ReceiptNumber) is { } receipt)
        {
            cases = receipt.Exact ? cases.Where(c => c.ReceiptNumber == receipt.Value) : cases.Where(c => c.ReceiptNumber.Contains(receipt.Value));
        }
        if (query.Channel is { } channel) cases = cases.Where(c => c.Channel == channel);
        if (query.Kind is { } kind) cases = cases.Where(c => c.Kind == kind);
        if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (query.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.Forwardings.Any(f => f.DepartmentId == department && f.Status != ForwardingStatus.Returned));
        }
        if (query.CategoryId is { } categoryId)
        {
            // A 大分類 finds the cases filed under any of its 中分類 too.
            var categories = await core.Categories.AsNoTracking().Where(c => c.Id == categoryId || c.ParentId == categoryId).Select(c => c.Id).ToListAsync(cancellationToken);
            cases = cases.Where(c => c.Categories.Any(x => categories.Contains(x.CategoryId)));
        }
        if (query.From is { } from) cases = cases.Where(c => c.ReceivedOn >= from);
        if (query.To is { } to) cases = cases.Where(c => c.ReceivedOn <= to);
        if (query.Overdue) cases = cases.Where(c => !Done.Contains(c.Status) && c.AnswerDue < today);

        List<Guid>? ranked = null;
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            ranked = await MatchingAsync(actor, query.Text, cancellationToken);
            cases = cases.Where(c => ranked.Contains(c.Id));
        }

        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var total = await cases.CountAsync(cancellationToken);
        List<Guid> pageIds;
        if (ranked is not null && query.Sort == CaseSearchSort.Relevance)
        {
            var matching = (await cases.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
            pageIds = ranked.Where(matching.Contains).Skip((page - 1) * size).Take(size).ToList();
        }
        else
        {
            pageIds = await Sorted(cases, query.Sort).Skip((page - 1) * size).Take(size).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var rows = await db.Cases.AsNoTracking().Where(c => pageIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ReceiptNumber, c.ReceivedOn, c.Channel, c.Kind, c.Subject, c.Status, c.LeadDepartmentId, c.AnswerDue })
            .ToListAsync(cancellationToken);
        var businessCalendar = await calendar.LoadAsync(cancellationToken);
        var order = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new CaseSearchResult(
            rows.OrderBy(r => order[r.Id]).Select(r => new CaseSearchResult.Row(
                r.Id, r.ReceiptNumber, r.ReceivedOn, r.Channel, r.Kind, r.Subject, r.Status, r.LeadDepartmentId, r.AnswerDue,
                r.AnswerDue is { } due && !Done.Contains(r.Status) ? businessCalendar.BusinessDaysBetween(today, due) : null)).ToList(),
            total, page, size);
    }

    /// <summary>Case ids the index matches for the words, best first; department staff ask only within their department's cases.</summary>
    private async Task<List<Guid>> MatchingAsync(CaseActor actor, string text, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (!actor.SeesAll) filters[CaseIndex.Department] = [actor.DepartmentId?.ToString() ?? Guid.Empty.ToString()];
        var results = await search.SearchAsync(CaseIndex.Name, new SearchQuery
        {
            Text = text.Trim(),
            Filters = filters,
            Take = MaxTextMatches,
            Highlight = false,
        }, cancellationToken);
        var candidates = results.Hits.Select(h => Guid.TryParse(h.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        // The index ranks by any of the words' bigrams; staff expect cases that contain every word (in any width or kana).
        var words = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var texts = await db.Cases.AsNoTracking().Where(c => candidates.Contains(c.Id)).Select(c => new { c.Id, c.Subject, c.Body }).ToListAsync(cancellationToken);
        var containing = texts.Where(t => Fold(t.Subject + "\n" + t.Body) is var folded && words.All(w => folded.Contains(w, StringComparison.Ordinal))).Select(t => t.Id).ToHashSet();
        return candidates.Where(containing.Contains).ToList();
    }

    /// <summary>NFKC (全角/半角), lower case, katakana as hiragana: the forms compared for "contains the word".</summary>
    private static string Fold(string text)
    {
        var chars = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u30A1' and <= '\u30F6') chars[i] = (char)(chars[i] - 0x60);
        }
        return new string(chars);
    }

    private static IQueryable<OpinionCase> Sorted(IQueryable<OpinionCase> cases, CaseSearchSort sort) => sort switch
    {
        CaseSearchSort.Oldest => cases.OrderBy(c => c.ReceivedOn).ThenBy(c => c.FiscalYear).ThenBy(c => c.Sequence),
        CaseSearchSort.Due => cases.OrderBy(c => c.AnswerDue == null).ThenBy(c => c.AnswerDue).ThenBy(c => c.FiscalYear).ThenBy(c => c.Sequence),
        CaseSearchSort.Receipt => cases.OrderBy(c => c.FiscalYear).ThenBy(c => c.Sequence),
        _ => cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.FiscalYear).ThenByDescending(c => c.Sequence),
    };

    /// <summary>"２０２６－１２３" and "2026-000123" find the same case; a part ("000123") finds every case containing it.</summary>
    private static (string Value, bool Exact)? NormalizedReceipt(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var value = input.Normalize(NormalizationForm.FormKC).Trim().Replace('ー', '-').Replace('−', '-').Replace('‐', '-');
        var full = FullReceipt().Match(value);
        if (full.Success) return (ReceiptNumbers.Format(int.Parse(full.Groups[1].Value), int.Parse(full.Groups[2].Value)), true);
        return (value, false);
    }

    [GeneratedRegex(@"^(\d{4})-(\d{1,6})$")]
    private static partial Regex FullReceipt();
}
