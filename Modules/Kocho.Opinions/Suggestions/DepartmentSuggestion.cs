namespace Kocho.Opinions.Suggestions;

/// <summary>One suggested 主管課 with the past cases that voted for it as lead (most similar first): the reason shown.</summary>
public sealed record DepartmentSuggestion(Guid DepartmentId, string Code, string Name, double Score, IReadOnlyList<DepartmentSuggestion.SimilarCase> SimilarCases)
{
    public sealed record SimilarCase(Guid CaseId, string ReceiptNumber);
}
