using System.Net.Mail;
using Kocho.Core.Departments;
using Kocho.Core.Protection;
using Kocho.Core.Security;
using Kocho.Users.Data;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Accounts;

/// <summary>
/// Staff accounts: create, edit, disable, set passwords. Recipes, setup, the CLI and the staff pages share
/// these checks. Callers run each change in one unit of work, so a refused change leaves nothing behind.
/// Contact data is personal data: stored encrypted, found by its keyed hash.
/// </summary>
public sealed class StaffAccounts(
    UserManager<KochoUser> users,
    RoleManager<KochoRole> roles,
    DepartmentDirectory departments,
    UsersDbContext db,
    Kocho.Core.Protection.IPersonalDataProtector personalData,
    TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public sealed record NewStaff(
        string Login, string Name, string? DepartmentCode, IReadOnlyList<string> Roles, string Password, string? Email = null,
        bool MustChangePassword = false, string? ContactPhone = null, string? ContactEmail = null);

    public sealed record StaffChange(string Name, string? DepartmentCode, IReadOnlyList<string> Roles);

    public sealed record StaffRow(string Id, string Login, string Name, Guid? DepartmentId, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactorEnabled, bool LockedOut);

    public async Task<KochoUser> CreateAsync(NewStaff request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Login)) throw new AccountException("ログインIDを入力してください。", "Login");
        var name = CheckName(request.Name);
        var departmentId = await DepartmentIdAsync(request.DepartmentCode, cancellationToken);
        await CheckRolesExistAsync(request.Roles);
        var contactPhone = string.IsNullOrWhiteSpace(request.ContactPhone) ? null : request.ContactPhone.Trim();
        if (contactPhone is not null && PersonalDataNormalizer.Phone(contactPhone).Length is 0 or > 20)
        {
            throw new AccountException("連絡先電話番号は数字（20桁まで）で入力してください。");
        }
        var contactEmail = string.IsNullOrWhiteSpace(request.ContactEmail) ? null : request.ContactEmail.Trim();
        if (contactEmail is not null && !(MailAddress.TryCreate(contactEmail, out var address) && address.Address == contactEmail))
        {
            throw new AccountException("連絡先メールアドレスの形式が正しくありません（例: taro@city.shinjuku.lg.jp）。");
        }
        var user = new KochoUser
        {
            UserName = request.Login.Trim(),
            DisplayName = name,
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            Kind = UserKind.Staff,
            DepartmentId = departmentId,
            LockoutEnabled = true,
            MustChangePassword = request.MustChangePassword,
            ContactPhone = contactPhone,
            ContactEmail = contactEmail,
            ContactEmailHash = contactEmail is null ? null : ContactEmailHash(contactEmail),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, request.Password));
        if (request.Roles.Count > 0) Check(await users.AddToRolesAsync(user, request.Roles.Distinct()));
        return user;
    }

    /// <summary>Name, 所属 and roles. The last enabled administrator keeps the Administrator role.</summary>
    public async Task<KochoUser> UpdateAsync(string id, StaffChange change, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken) ?? throw NotFound();
        user.DisplayName = CheckName(change.Name);
        user.DepartmentId = await DepartmentIdAsync(change.DepartmentCode, cancellationToken);
        await CheckRolesExistAsync(change.Roles);
        var current = await users.GetRolesAsync(user);
        var wanted = change.Roles.Distinct().ToList();
        if (current.Contains(StandardRoles.Administrator) && !wanted.Contains(StandardRoles.Administrator) && !user.IsDisabled
            && !await AnotherEnabledAdministratorAsync(user.Id, cancellationToken))
        {
            throw new AccountException("最後のシステム管理者からシステム管理者ロールを外すことはできません。", "Roles");
        }
        Check(await users.UpdateAsync(user));
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed));
        if (added.Count > 0) Check(await users.AddToRolesAsync(user, added));
        return user;
    }

    /// <summary>A disabled account cannot sign in; renewing its security stamp ends its open sessions.</summary>
    public async Task<KochoUser> DisableAsync(string id, string actingUserId, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken) ?? throw NotFound();
        if (user.Id == actingUserId) throw new AccountException("自分自身のアカウントは無効にできません。");
        if (user.IsDisabled) throw new AccountException("このアカウントはすでに無効です。");
        if ((await users.GetRolesAsync(user)).Contains(StandardRoles.Administrator) && !await AnotherEnabledAdministratorAsync(user.Id, cancellationToken))
        {
            throw new AccountException("最後のシステム管理者は無効にできません。");
        }
        user.IsDisabled = true;
        Check(await users.UpdateSecurityStampAsync(user));
        return user;
    }

    public async Task<KochoUser> EnableAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken) ?? throw NotFound();
        if (!user.IsDisabled) throw new AccountException("このアカウントはすでに有効です。");
        user.IsDisabled = false;
        Check(await users.UpdateAsync(user));
        return user;
    }

    /// <summary>
    /// An administrator sets a new password: the member's sessions end, a lockout is lifted, and the member
    /// must choose their own password at next sign-in.
    /// </summary>
    public async Task<KochoUser> ResetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken) ?? throw NotFound();
        if (string.IsNullOrEmpty(newPassword)) throw new AccountException("新しいパスワードを入力してください。", "NewPassword");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword), "NewPassword");
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        Check(await users.UpdateAsync(user));
        return user;
    }

    /// <summary>The member changes their own password (<c>/admin/account/password</c>); this renews their security stamp.</summary>
    public async Task ChangeOwnPasswordAsync(KochoUser user, string currentPassword, string newPassword)
    {
        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            throw new AccountException("現在のパスワードが正しくありません。", "CurrentPassword");
        }
        if (currentPassword == newPassword)
        {
            throw new AccountException("現在のパスワードとは異なるパスワードを入力してください。", "NewPassword");
        }
        Check(await users.ChangePasswordAsync(user, currentPassword, newPassword), "NewPassword");
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            Check(await users.UpdateAsync(user));
        }
    }

    public Task<KochoUser?> FindByLoginAsync(string login, CancellationToken cancellationToken = default) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(login) && u.Kind == UserKind.Staff, cancellationToken);

    /// <summary>Staff whose contact email is <paramref name="email"/> (any case, spaces around it ignored).</summary>
    public async Task<IReadOnlyList<KochoUser>> FindByContactEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email)) return [];
        var hash = ContactEmailHash(email);
        return await db.Users.AsNoTracking()
            .Where(u => u.ContactEmailHash == hash && u.Kind == UserKind.Staff)
            .OrderBy(u => u.UserName)
            .ToListAsync(cancellationToken);
    }

    private string ContactEmailHash(string email) => personalData.LookupHash(LookupPurpose.Email, PersonalDataNormalizer.Email(email));

    public Task<KochoUser?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id && u.Kind == UserKind.Staff, cancellationToken);

    /// <summary>Staff whose login ID or name contains <paramref name="query"/>, optionally only members of a role; by login ID.</summary>
    public async Task<IReadOnlyList<StaffRow>> SearchAsync(string? query, string? role, CancellationToken cancellationToken = default)
    {
        var staff = db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            var normalized = users.NormalizeName(text);
            staff = staff.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            staff = staff.Where(u => db.UserRoles.Any(m => m.UserId == u.Id && roleId.Contains(m.RoleId)));
        }
        var found = await staff.OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var memberships = await db.UserRoles.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var now = clock.GetUtcNow();
        return found.Select(u => new StaffRow(
            u.Id, u.UserName ?? "", u.DisplayName, u.DepartmentId,
            memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, "")).Order(StringComparer.Ordinal).ToList(),
            u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now)).ToList();
    }

    private async Task<bool> AnotherEnabledAdministratorAsync(string exceptUserId, CancellationToken cancellationToken)
    {
        var administrators = db.Roles.Where(r => r.Name == StandardRoles.Administrator).Select(r => r.Id);
        return await db.Users.AnyAsync(u => u.Id != exceptUserId && u.Kind == UserKind.Staff && !u.IsDisabled
            && db.UserRoles.Any(m => m.UserId == u.Id && administrators.Contains(m.RoleId)), cancellationToken);
    }

    private static string CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new AccountException("氏名を入力してください。", "Name");
        var trimmed = name.Trim();
        if (trimmed.Length > MaxNameLength) throw new AccountException($"氏名は{MaxNameLength}文字以内で入力してください。", "Name");
        return trimmed;
    }

    private async Task<Guid?> DepartmentIdAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var department = await departments.FindByCodeAsync(code.Trim(), cancellationToken)
            ?? throw new AccountException($"所属コード {code} は登録されていません。", "Department");
        return department.Id;
    }

    private async Task CheckRolesExistAsync(IEnumerable<string> wanted)
    {
        foreach (var role in wanted)
        {
            if (!await roles.RoleExistsAsync(role)) throw new AccountException($"ロール「{role}」はありません。", "Roles");
        }
    }

    private static AccountException NotFound() => new("この職員アカウントは見つかりません。");

    /// <summary>Identity's refusals, in Japanese, tied to the login ID or password input they are about.</summary>
    private static void Check(IdentityResult result, string? passwordField = null)
    {
        if (result.Succeeded) return;
        var first = result.Errors.First().Code;
        var field = first.StartsWith("Password", StringComparison.Ordinal) ? passwordField ?? "Password"
            : first.Contains("UserName", StringComparison.Ordinal) ? "Login"
            : null;
        throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)), field);
    }
}
