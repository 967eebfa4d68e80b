namespace Kocho.Core.Departments;

/// <summary>所属: one node of the ward's organisation tree, valid for a period (reorganisations happen each April).</summary>
public sealed class Department
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DepartmentLevel Level { get; set; }
    public Guid? ParentId { get; set; }
    public string? Phone { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>After a merge: the 所属 that took this one's work over (its history stays with this record).</summary>
    public Guid? SuccessorId { get; set; }
    public int SortOrder { get; set; }

    public bool IsActiveOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}
