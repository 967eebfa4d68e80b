namespace Kocho.Opinions.Suggestions;

/// <summary>One suggested 主管課 with the past cases that voted for it (their receipt numbers, most similar first).</summary>
public sealed record DepartmentSuggestion(Guid DepartmentId, string Code, string Name, double Score, int CaseCount, IReadOnlyList<string> SimilarCases);
