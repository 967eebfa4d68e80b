namespace Kocho.Faq.Csv;

/// <summary>A CSV refused as a whole: the rows' Japanese errors, each starting with its line number (「3行目: …」). Nothing was saved.</summary>
public sealed class FaqCsvException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public FaqCsvException(string error) : this([error]) { }

    public IReadOnlyList<string> Errors { get; } = errors;
}
