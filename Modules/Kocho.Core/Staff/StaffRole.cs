namespace Kocho.Core.Staff;

/// <summary>A staff role as other modules name it: its key (e.g. <c>Approver</c>) and Japanese display name.</summary>
public sealed record StaffRole(string Name, string DisplayName);
