namespace Kocho.Core.Staff;

/// <summary>A staff member as alerts address them: the mail address is decrypted, for sending only.</summary>
public sealed record StaffContact(string UserId, string Login, string DisplayName, Guid? DepartmentId, string? Email);
