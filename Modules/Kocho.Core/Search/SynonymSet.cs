using Kocho.Core.Search.Analysis;

namespace Kocho.Core.Search;

/// <summary>
/// The synonym groups (住民票 ⇔ 住民票の写し) as queries use them: a query that contains one term of a group is
/// also run with the other terms, which share one lower weight (a word with many synonyms does not outweigh the
/// rest of the query). Expanded at query time only, so an edit needs no re-indexing.
/// </summary>
public sealed class SynonymSet
{
    public static readonly SynonymSet Empty = new([]);

    private readonly List<string[]> _folded;

    public SynonymSet(IEnumerable<IReadOnlyList<string>> groups)
    {
        Groups = groups.Select(g => (IReadOnlyList<string>)g.ToArray()).ToList();
        _folded = Groups.Select(g => g.Select(JapaneseAnalysis.Fold).Distinct().ToArray()).ToList();
    }

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>For every group one of whose terms occurs in <paramref name="query"/>, its other terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Expand(string query)
    {
        var folded = JapaneseAnalysis.Fold(query);
        var result = new List<IReadOnlyList<string>>();
        foreach (var group in _folded)
        {
            if (group.Any(t => folded.Contains(t, StringComparison.Ordinal)))
            {
                var others = group.Where(t => !folded.Contains(t, StringComparison.Ordinal)).ToList();
                if (others.Count > 0) result.Add(others);
            }
        }
        return result;
    }
}
