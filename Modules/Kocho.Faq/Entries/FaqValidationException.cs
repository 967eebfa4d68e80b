namespace Kocho.Faq.Entries;

/// <summary>Input refused field by field (field → Japanese message); nothing was saved.</summary>
public sealed class FaqValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
