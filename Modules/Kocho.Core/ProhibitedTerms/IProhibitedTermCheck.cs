namespace Kocho.Core.ProhibitedTerms;

/// <summary>
/// 特記事項 5: 思想・信条・宗教, 社会的差別の原因となる事実 and 犯罪 are recorded only where necessary. Implemented by Kocho.Privacy
/// (its configurable term list); modules that let staff write text ask through <see cref="ProhibitedTermGuard"/>.
/// </summary>
public interface IProhibitedTermCheck
{
    /// <summary>The terms of the list found in any of <paramref name="texts"/>, once each, in list order.</summary>
    Task<IReadOnlyList<ProhibitedTermMatch>> FindAsync(IEnumerable<string?> texts, CancellationToken cancellationToken = default);
}
