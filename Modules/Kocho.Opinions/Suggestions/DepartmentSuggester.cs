using Kocho.Core.Departments;
using Kocho.Core.Protection.Redaction;
using Kocho.Core.Search;
using Kocho.Opinions.Search;

namespace Kocho.Opinions.Suggestions;

/// <summary>
/// Issue #4 item 9: when forwarding, the departments that handled the most similar past forwarded cases (nearest
/// neighbours in the "cases" index), each neighbour voting for its 主管課 with its similarity and, less, for its 関係課;
/// only departments some neighbour had as 主管課 are suggested (those cases are the reason shown).
/// </summary>
public sealed class DepartmentSuggester(ISearchService search, DepartmentDirectory departments, IPersonalDataRedactor redactor)
{
    public const int Neighbours = 12;
    private const double RelatedWeight = 0.25;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ForwardedOnly =
        new Dictionary<string, IReadOnlyList<string>> { [CaseIndex.Forwarded] = ["yes"] };

    /// <param name="text">The case's subject and body (redacted: this text is only compared, never stored).</param>
    /// <param name="excludeCaseId">The case being forwarded, which is itself in the index once it was forwarded before.</param>
    public async Task<IReadOnlyList<DepartmentSuggestion>> SuggestAsync(string text, Guid? excludeCaseId, int take = 3, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var exclude = excludeCaseId?.ToString();
        var results = await search.SimilarAsync(CaseIndex.Name, redactor.Redact(text).WithUniformMask(), ForwardedOnly, Neighbours + 1, cancellationToken);
        var votes = new Dictionary<string, (double Score, List<DepartmentSuggestion.SimilarCase> Cases)>();
        foreach (var hit in results.Hits.Where(h => h.Id != exclude).Take(Neighbours))
        {
            var lead = First(hit, CaseIndex.Lead);
            var similar = Guid.TryParse(hit.Id, out var id) ? new DepartmentSuggestion.SimilarCase(id, First(hit, CaseIndex.ReceiptNumber) ?? "") : null;
            if (lead is not null) Vote(lead, hit.Score, similar);
            if (hit.Tags.TryGetValue(CaseIndex.Department, out var all))
            {
                foreach (var related in all.Where(d => d != lead)) Vote(related, hit.Score * RelatedWeight, null);
            }
        }
        if (votes.Count == 0) return [];
        var byId = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id.ToString());
        return votes
            .Where(v => byId.ContainsKey(v.Key) && v.Value.Cases.Count > 0)
            .OrderByDescending(v => v.Value.Score)
            .Take(take)
            .Select(v => new DepartmentSuggestion(byId[v.Key].Id, byId[v.Key].Code, byId[v.Key].Name, v.Value.Score, v.Value.Cases))
            .ToList();

        void Vote(string department, double score, DepartmentSuggestion.SimilarCase? similar)
        {
            var current = votes.TryGetValue(department, out var v) ? v : (0d, new List<DepartmentSuggestion.SimilarCase>());
            if (similar is not null) current.Item2.Add(similar);
            votes[department] = (current.Item1 + score, current.Item2);
        }
    }

    private static string? First(SearchHit hit, string tag) =>
        hit.Tags.TryGetValue(tag, out var values) && values.Count > 0 ? values[0] : null;
}
