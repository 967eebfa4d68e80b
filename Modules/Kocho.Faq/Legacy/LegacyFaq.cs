using Kocho.Faq.Entries;

namespace Kocho.Faq.Legacy;

/// <summary>One FAQ entry of the old system as the migration writes it (and reads it back to verify), keyed by its FAQ番号.</summary>
public sealed record LegacyFaq
{
    public required int Number { get; init; }
    public required string Question { get; init; }
    public required string Answer { get; init; }
    public required Guid OwnerDepartmentId { get; init; }
    public Guid? CategoryId { get; init; }
    public required FaqVisibility Visibility { get; init; }

    /// <summary>False for 非公開: the version is kept but not on any site.</summary>
    public required bool Published { get; init; }
    public required DateOnly RegisteredOn { get; init; }
    public required DateOnly UpdatedOn { get; init; }
    public int ViewCount { get; init; }
}
