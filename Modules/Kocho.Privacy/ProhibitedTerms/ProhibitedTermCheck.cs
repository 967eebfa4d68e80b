using Kocho.Core.ProhibitedTerms;

namespace Kocho.Privacy.ProhibitedTerms;

/// <summary>The check Opinions asks before staff text is saved: a term of the list anywhere in the text (after NFKC).</summary>
public sealed class ProhibitedTermCheck(ProhibitedTermList list) : IProhibitedTermCheck
{
    public async Task<IReadOnlyList<ProhibitedTermMatch>> FindAsync(IEnumerable<string?> texts, CancellationToken cancellationToken = default)
    {
        var normalized = texts.Select(ProhibitedTermList.Normalize).Where(t => t.Length > 0).ToList();
        if (normalized.Count == 0) return [];
        var found = new List<ProhibitedTermMatch>();
        foreach (var (category, terms) in await list.GetAsync(cancellationToken))
        {
            foreach (var term in terms)
            {
                if (normalized.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase))) found.Add(new ProhibitedTermMatch(category, term));
            }
        }
        return found;
    }
}
