using Kocho.Core.Departments;
using Kocho.Users.Data;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Accounts;

/// <summary>Creates staff accounts (recipes, setup and the CLI share this one path and its checks).</summary>
public sealed class StaffAccounts(UserManager<KochoUser> users, RoleManager<KochoRole> roles, DepartmentDirectory departments, UsersDbContext db, TimeProvider clock)
{
    public sealed record NewStaff(string Login, string Name, string? DepartmentCode, IReadOnlyList<string> Roles, string Password, string? Email = null);

    public async Task<KochoUser> CreateAsync(NewStaff request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Login)) throw new AccountException("ログインIDを入力してください。");
        if (string.IsNullOrWhiteSpace(request.Name)) throw new AccountException("氏名を入力してください。");
        Guid? departmentId = null;
        if (!string.IsNullOrWhiteSpace(request.DepartmentCode))
        {
            var department = await departments.FindByCodeAsync(request.DepartmentCode, cancellationToken)
                ?? throw new AccountException($"所属コード {request.DepartmentCode} は登録されていません。");
            departmentId = department.Id;
        }
        foreach (var role in request.Roles)
        {
            if (!await roles.RoleExistsAsync(role)) throw new AccountException($"ロール「{role}」はありません。");
        }
        var user = new KochoUser
        {
            UserName = request.Login.Trim(),
            DisplayName = request.Name.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            Kind = UserKind.Staff,
            DepartmentId = departmentId,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, request.Password));
        if (request.Roles.Count > 0) Check(await users.AddToRolesAsync(user, request.Roles));
        return user;
    }

    public Task<KochoUser?> FindByLoginAsync(string login, CancellationToken cancellationToken = default) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(login) && u.Kind == UserKind.Staff, cancellationToken);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
