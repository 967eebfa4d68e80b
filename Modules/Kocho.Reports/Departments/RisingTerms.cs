namespace Kocho.Reports.Departments;

/// <summary>The words of one month that rose most against the month before.</summary>
public sealed record RisingTerms(int Month, IReadOnlyList<RisingTerm> Terms)
{
    public string Label => $"{Month / 100}年{Month % 100}月";
}
