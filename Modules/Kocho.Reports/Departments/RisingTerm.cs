namespace Kocho.Reports.Departments;

/// <summary>上昇語: a word, the cases holding it this month and the month before.</summary>
public sealed record RisingTerm(string Term, int Count, int PreviousMonth);
