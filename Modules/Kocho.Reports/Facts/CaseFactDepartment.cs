namespace Kocho.Reports.Facts;

/// <summary>A department a case is forwarded to (lead or related): department staff see the cases their department has.</summary>
public sealed class CaseFactDepartment
{
    public Guid CaseId { get; set; }
    public Guid DepartmentId { get; set; }
}
