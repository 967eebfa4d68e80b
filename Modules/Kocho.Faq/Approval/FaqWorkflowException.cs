namespace Kocho.Faq.Approval;

/// <summary>An action the FAQ rules refuse (wrong state, self-approval, not this approver's step); the message is Japanese and shown as is.</summary>
public sealed class FaqWorkflowException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
