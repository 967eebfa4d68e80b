namespace Kocho.Core.Staff;

/// <summary>
/// Staff members for modules that address them (alerts), without knowing how Kocho.Users keeps accounts. Only
/// enabled staff accounts are returned.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Members of any of <paramref name="departmentIds"/>, only those holding <paramref name="role"/> when given.</summary>
    Task<IReadOnlyList<StaffContact>> MembersAsync(IReadOnlyCollection<Guid> departmentIds, string? role, CancellationToken cancellationToken = default);

    /// <summary>The staff members with these login IDs (unknown ones are left out).</summary>
    Task<IReadOnlyList<StaffContact>> ByLoginAsync(IReadOnlyCollection<string> logins, CancellationToken cancellationToken = default);

    /// <summary>Every staff role (what a "role within the department" can name).</summary>
    Task<IReadOnlyList<StaffRole>> RolesAsync(CancellationToken cancellationToken = default);

    /// <summary>The staff members with these user IDs.</summary>
    Task<IReadOnlyList<StaffContact>> ByIdAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);
}
