namespace Kocho.Core.Departments;

/// <summary>部 → 課 → 係: cases are forwarded to 課.</summary>
public enum DepartmentLevel
{
    Division = 1, // 部
    Section = 2,  // 課
    Unit = 3,     // 係
}
