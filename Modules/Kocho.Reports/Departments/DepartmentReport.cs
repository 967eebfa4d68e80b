namespace Kocho.Reports.Departments;

/// <summary>所属毎の分析 of one filter: top categories, rising words by month, the matching cases (newest first, at most a page).</summary>
public sealed record DepartmentReport(IReadOnlyList<LabelCount> TopCategories, IReadOnlyList<RisingTerms> Rising, int CaseCount, IReadOnlyList<MatchingCase> Cases);
