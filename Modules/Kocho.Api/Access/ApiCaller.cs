using System.Security.Claims;
using Kocho.Api.Keys;
using Kocho.Core.Audit;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Http;
using OpinionPermissions = Kocho.Opinions.Permissions;

namespace Kocho.Api.Access;

/// <summary>
/// The integration behind a request: its key, turned into the <see cref="CaseActor"/> the Opinions services check.
/// A key limited to a department acts as that department's staff (department isolation in the same queries); a key
/// without the limit sees every case, as the public-hearing section does.
/// </summary>
public sealed class ApiCaller(ApiKey key)
{
    private const string ItemKey = "Kocho.Api.Caller";

    public ApiKey Key { get; } = key;
    public string DisplayName => "API: " + Key.Name;
    public bool Has(string scope) => Key.ScopeSet().Contains(scope);

    public CaseActor CaseActor()
    {
        var scopes = Key.ScopeSet();
        var permissions = new HashSet<string>();
        if (scopes.Contains(ApiScopes.CasesRead) || scopes.Contains(ApiScopes.CasesWrite) || scopes.Contains(ApiScopes.Open311Write))
        {
            permissions.Add(OpinionPermissions.ViewCasesName);
            if (Key.DepartmentId is null) permissions.Add(OpinionPermissions.ViewAllCasesName);
        }
        if (scopes.Contains(ApiScopes.CasesWrite) || scopes.Contains(ApiScopes.Open311Write))
        {
            permissions.Add(OpinionPermissions.IntakeName);
            permissions.Add(OpinionPermissions.ForwardName);
        }
        if (scopes.Contains(ApiScopes.CasesPersonal)) permissions.Add(OpinionPermissions.ViewPersonalDataName);
        // The key's id stands for the account: cases it registered stay visible to it, and history names it.
        return new CaseActor(Key.Id, DisplayName, Key.DepartmentId, permissions);
    }

    /// <summary>The request's user becomes the key, so that every audit record of the call names it.</summary>
    public void AttachTo(HttpContext context)
    {
        context.Items[ItemKey] = this;
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Key.Id.ToString()),
            new Claim(ClaimTypes.Name, Key.Prefix),
            new Claim(StaffPrincipal.NameClaim, DisplayName),
            new Claim(AuditActor.KindClaim, "ApiKey"),
        ], "ApiKey"));
    }

    public static ApiCaller Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is ApiCaller c ? c : throw new InvalidOperationException("No API key on this request.");
}
