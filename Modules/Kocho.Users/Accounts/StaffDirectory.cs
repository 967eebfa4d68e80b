using Kocho.Core.Staff;
using Kocho.Users.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Accounts;

/// <summary>Kocho.Users' side of <see cref="IStaffDirectory"/>: enabled staff accounts, contact mail decrypted (else the login mail).</summary>
public sealed class StaffDirectory(UsersDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffContact>> MembersAsync(IReadOnlyCollection<Guid> departmentIds, string? role, CancellationToken cancellationToken = default)
    {
        var ids = departmentIds.Select(d => (Guid?)d).ToList();
        var users = Staff().Where(u => ids.Contains(u.DepartmentId));
        if (!string.IsNullOrWhiteSpace(role))
        {
            var normalized = role.Trim().ToUpperInvariant();
            users = from u in users
                    where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized))
                    select u;
        }
        return ToContacts(await users.ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<StaffContact>> ByLoginAsync(IReadOnlyCollection<string> logins, CancellationToken cancellationToken = default)
    {
        var normalized = logins.Select(l => l.Trim().ToUpperInvariant()).ToList();
        return ToContacts(await Staff().Where(u => normalized.Contains(u.NormalizedUserName!)).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<StaffContact>> ByIdAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.ToList();
        return ToContacts(await Staff().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<StaffRole>> RolesAsync(CancellationToken cancellationToken = default) =>
        (await db.Roles.AsNoTracking().Select(r => new { r.Name, r.DisplayName }).ToListAsync(cancellationToken))
            .Select(r => new StaffRole(r.Name ?? "", string.IsNullOrWhiteSpace(r.DisplayName) ? r.Name ?? "" : r.DisplayName))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    private IQueryable<KochoUser> Staff() => db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff && !u.IsDisabled);

    private static List<StaffContact> ToContacts(List<KochoUser> users) =>
        users.OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new StaffContact(u.Id, u.UserName ?? "", u.DisplayName, u.DepartmentId, string.IsNullOrWhiteSpace(u.ContactEmail) ? u.Email : u.ContactEmail))
            .ToList();
}
