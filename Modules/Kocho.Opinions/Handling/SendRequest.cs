namespace Kocho.Opinions.Handling;

/// <summary>
/// The section's send: the answer text as reviewed (null = as approved) and a note (for a phone answer, what was
/// said and to whom — it is recorded in the history).
/// </summary>
public sealed record SendRequest(string? EditedText = null, string? Note = null);
