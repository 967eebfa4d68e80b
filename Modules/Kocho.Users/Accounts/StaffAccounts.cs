using System.Net.Mail;
using Kocho.Core.Departments;
using Kocho.Core.Protection;
using IPersonalDataProtector = Kocho.Core.Protection.IPersonalDataProtector;
using Kocho.Users.Data;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Accounts;

/// <summary>
/// Creates staff accounts (recipes, setup and the CLI share this one path and its checks). Contact data is
/// personal data: stored encrypted, found by its keyed hash.
/// </summary>
public sealed class StaffAccounts(
    UserManager<KochoUser> users,
    RoleManager<KochoRole> roles,
    DepartmentDirectory departments,
    UsersDbContext db,
    IPersonalDataProtector personalData,
    TimeProvider clock)
{
    public sealed record NewStaff(
        string Login, string Name, string? DepartmentCode, IReadOnlyList<string> Roles, string Password, string? Email = null,
        string? ContactPhone = null, string? ContactEmail = null);

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
            DisplayName = request.Name.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            Kind = UserKind.Staff,
            DepartmentId = departmentId,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ContactPhone = contactPhone,
            ContactEmail = contactEmail,
            ContactEmailHash = contactEmail is null ? null : ContactEmailHash(contactEmail),
        };
        Check(await users.CreateAsync(user, request.Password));
        if (request.Roles.Count > 0) Check(await users.AddToRolesAsync(user, request.Roles));
        return user;
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
