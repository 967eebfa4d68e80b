using Kocho.Core.Security;
using Kocho.Core.Setup;
using Kocho.Users.Accounts;
using Kocho.Users.Roles;

namespace Kocho.Users.Setup;

/// <summary>Setup creates the <c>admin</c> account with the Administrator role.</summary>
public sealed class AdminAccountSetup(StaffAccounts accounts, RolePermissions rolePermissions) : ISiteSetupParticipant
{
    public const string AdminLogin = "admin";

    public async Task SetupAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        await rolePermissions.EnsureRoleAsync(StandardRoles.Administrator, cancellationToken);
        if (await accounts.FindByLoginAsync(AdminLogin, cancellationToken) is not null) return;
        try
        {
            await accounts.CreateAsync(new StaffAccounts.NewStaff(AdminLogin, "システム管理者", null, [StandardRoles.Administrator], request.AdminPassword), cancellationToken);
        }
        catch (AccountException ex)
        {
            throw new SetupException("admin アカウントを作成できません: " + ex.Message);
        }
    }
}
