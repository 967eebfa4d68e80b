using Kocho.Core.Recipes;
using Kocho.Core.Security;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Recipes;

/// <summary><c>{ "name": "roles", "roles": [ { "name", "displayName", "displayNameEn", "description", "permissions": [] } ] }</c></summary>
public sealed class RolesStep(RolePermissions rolePermissions, RoleManager<KochoRole> roles, PermissionRegistry registry) : IRecipeStepHandler
{
    public string StepName => "roles";

    public sealed record Item(string Name, string? DisplayName, string? DisplayNameEn, string? Description, List<string>? Permissions);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in context.Read<List<Item>>("roles"))
        {
            if (string.IsNullOrWhiteSpace(item.Name)) throw new RecipeException("ロールには name が必要です。");
            var unknown = (item.Permissions ?? []).Where(p => registry.Find(p) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new RecipeException($"ロール「{item.Name}」の権限 {string.Join(", ", unknown)} はどのモジュールも宣言していません。");
            }
            var role = await rolePermissions.EnsureRoleAsync(item.Name, cancellationToken);
            role.DisplayName = item.DisplayName ?? item.Name;
            role.DisplayNameEn = item.DisplayNameEn;
            role.Description = item.Description;
            await roles.UpdateAsync(role);
            await rolePermissions.GrantAsync(role, item.Permissions ?? []);
        }
    }
}
