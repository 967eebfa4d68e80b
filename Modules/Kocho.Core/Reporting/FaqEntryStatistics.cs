namespace Kocho.Core.Reporting;

/// <summary>One FAQ entry's use: views, helpful yes/no, suggested while typing an inquiry vs opened from the suggestion.</summary>
public sealed record FaqEntryStatistics(int Number, string Question, int Views, int Helpful, int NotHelpful, int SuggestionsShown, int SuggestionsOpened);
