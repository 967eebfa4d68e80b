namespace Kocho.Core.Departments;

/// <summary>What the staff page submits for one 所属.</summary>
public sealed class DepartmentEdit
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public DepartmentLevel Level { get; set; } = DepartmentLevel.Section;
    public Guid? ParentId { get; set; }
    public string? Phone { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public Guid? SuccessorId { get; set; }
}
