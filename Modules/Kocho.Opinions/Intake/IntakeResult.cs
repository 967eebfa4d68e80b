namespace Kocho.Opinions.Intake;

/// <summary>
/// The outcome of an intake: the errors to show (field → Japanese message, nothing saved), or the case with its
/// 受付番号 and the access code (shown once, only when a new web case was made; null on a repeated submit).
/// </summary>
public sealed record IntakeResult(
    IReadOnlyDictionary<string, string> Errors,
    Guid CaseId = default,
    string? ReceiptNumber = null,
    string? AccessCode = null,
    bool Repeated = false)
{
    public bool Succeeded => Errors.Count == 0;

    public static IntakeResult Invalid(IReadOnlyDictionary<string, string> errors) => new(errors);
}
