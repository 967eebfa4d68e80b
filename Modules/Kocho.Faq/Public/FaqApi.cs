using System.Globalization;
using Kocho.Core.Data;
using Kocho.Core.Web.RateLimiting;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Feedback;
using Kocho.Faq.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kocho.Faq.Public;

/// <summary>
/// The public FAQ JSON API: <c>GET /api/faq/search?q=…&amp;page=1&amp;size=10</c>, <c>GET /api/faq/{id}</c>, and
/// <c>GET /api/faq/suggest?q=…</c> for the inquiry form. Public entries only; 内部 or unpublished ones are 404.
/// </summary>
public static class FaqApi
{
    public const int MaxSize = 50;
    public const int MaxPage = 1000;
    public const int SuggestCount = 5;

    public sealed record SearchItem(int Id, string Question, string AnswerSnippet, string? Category, string Url, float Score);
    public sealed record SearchResponse(int Total, IReadOnlyList<SearchItem> Items);
    public sealed record EntryResponse(int Id, string Question, string Answer, string AnswerHtml, string? Category, string? Department, string? DepartmentPhone, IReadOnlyList<FaqRelatedLink> RelatedLinks, string Url, DateTime? PublishedAt);
    public sealed record SuggestItem(int Id, string Question, string Url);
    public sealed record SuggestResponse(IReadOnlyList<SuggestItem> Items);
    public sealed record Error(string Message);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/faq/search", SearchAsync).WithMetadata(new RateLimitedAttribute(RateLimitPolicies.Search) { Reads = true });
        endpoints.MapGet("/api/faq/suggest", SuggestAsync).WithMetadata(new RateLimitedAttribute(RateLimitPolicies.Search) { Reads = true });
        endpoints.MapGet("/api/faq/{id:int}", EntryAsync);
    }

    private static IResult Bad(string message) => Results.Json(new Error(message), statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> SearchAsync(string? q, string? page, string? size, FaqSearch search, FaqNames names, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q)) return Bad("検索する言葉（q）を指定してください。");
        if (q.Length > 200) return Bad("検索する言葉（q）は200文字以内で指定してください。");
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > MaxPage))
        {
            return Bad($"ページ（page）は1から{MaxPage}までの整数で指定してください。");
        }
        var take = 10;
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1))
        {
            return Bad($"件数（size）は1から{MaxSize}までの整数で指定してください。");
        }
        take = Math.Min(take, MaxSize);
        var (total, hits) = await search.PublicAsync(q, (pageNumber - 1) * take, take, highlight: true, cancellationToken);
        if (total == 0 && pageNumber == 1) await search.LogZeroHitAsync(q, cancellationToken);
        var items = new List<SearchItem>();
        foreach (var hit in hits)
        {
            items.Add(new SearchItem(hit.Number, hit.Version.Question, hit.SearchHit.SnippetHtml, await names.CategoryPathAsync(hit.Version.CategoryId, cancellationToken), $"/faq/{hit.Number}", hit.SearchHit.Score));
        }
        return Results.Json(new SearchResponse(total, items));
    }

    private static async Task<IResult> EntryAsync(int id, FaqPublicCatalog catalog, FaqNames names, FaqMarkdown markdown, CancellationToken cancellationToken)
    {
        var entry = await catalog.FindAsync(id, cancellationToken);
        if (entry is null) return Results.Json(new Error("このFAQは見つかりません。"), statusCode: StatusCodes.Status404NotFound);
        var departments = await names.DepartmentsAsync(cancellationToken);
        var department = departments.GetValueOrDefault(entry.OwnerDepartmentId);
        return Results.Json(new EntryResponse(entry.Number, entry.Version.Question, FaqMarkdown.ToPlainText(entry.Version.Answer), markdown.ToHtml(entry.Version.Answer),
            await names.CategoryPathAsync(entry.Version.CategoryId, cancellationToken), department?.Name, department?.Phone,
            FaqRelatedLink.Parse(entry.Version.RelatedLinks), $"/faq/{entry.Number}", entry.Version.PublishedAt));
    }

    /// <summary>Up to 5 entries for what the resident is typing; each one shown is recorded (the "shown" half of deflection analytics).</summary>
    private static async Task<IResult> SuggestAsync(string? q, FaqSearch search, FaqDbContext db, UnitOfWork unitOfWork, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2) return Results.Json(new SuggestResponse([]));
        var text = q.Length > 200 ? q[..200] : q;
        var (_, hits) = await search.PublicAsync(text, 0, SuggestCount, highlight: false, cancellationToken);
        if (hits.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await unitOfWork.ExecuteAsync(async ct =>
            {
                foreach (var hit in hits) db.SuggestionEvents.Add(new FaqSuggestionEvent { EntryNumber = hit.Number, Opened = false, OccurredAt = now });
                await Task.CompletedTask;
            }, cancellationToken);
        }
        return Results.Json(new SuggestResponse(hits.Select(h => new SuggestItem(h.Number, h.Version.Question, $"/faq/{h.Number}?from=suggest")).ToList()));
    }
}
