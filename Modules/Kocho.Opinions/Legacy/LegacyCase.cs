using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Legacy;

/// <summary>One case of the old system as the migration writes it (and reads it back to verify), keyed by its 受付番号.</summary>
public sealed record LegacyCase
{
    public required string ReceiptNumber { get; init; }
    public required int FiscalYear { get; init; }
    public required int Sequence { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required Channel Channel { get; init; }
    public required CaseKind Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public bool Anonymous { get; init; }
    public string? Name { get; init; }
    public string? PostalCode { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public Guid? LeadDepartmentId { get; init; }
    public IReadOnlyList<Guid> RelatedDepartmentIds { get; init; } = [];
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];
    public required CaseStatus Status { get; init; }
    public DateOnly? AnswerDue { get; init; }
    public DateOnly? AnsweredOn { get; init; }
    public string? AnswerText { get; init; }
}
