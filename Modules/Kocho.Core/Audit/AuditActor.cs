using System.Security.Claims;

namespace Kocho.Core.Audit;

/// <summary>
/// Who did it: a staff member (user id and "氏名 (login)"), a resident (user id only — their name and email are
/// personal data and stay out of the trail), an anonymous visitor, the CLI (<c>cli:&lt;OS user&gt;</c>) or the system.
/// </summary>
public sealed record AuditActor(string Kind, string? Id, string Name)
{
    public const string StaffKind = "staff";
    public const string ResidentKind = "resident";
    public const string AnonymousKind = "anonymous";
    public const string CliKind = "cli";
    public const string SystemKind = "system";

    /// <summary>The display name claim Kocho.Users puts into the sign-in cookie.</summary>
    public const string NameClaim = "kocho:name";

    /// <summary>The account kind claim ("Staff" or "Resident") Kocho.Users puts into the sign-in cookie.</summary>
    public const string KindClaim = "kocho:kind";

    public static AuditActor System { get; } = new(SystemKind, null, "system");

    public static AuditActor Anonymous { get; } = new(AnonymousKind, null, "");

    public static AuditActor Cli(string osUser) => new(CliKind, null, "cli:" + osUser);

    public static AuditActor Staff(string userId, string? login, string? displayName) =>
        new(StaffKind, userId, (displayName, login) switch
        {
            ({ Length: > 0 } name, { Length: > 0 } l) when name != l => $"{name} ({l})",
            (_, { Length: > 0 } l) => l,
            ({ Length: > 0 } name, _) => name,
            _ => "",
        });

    public static AuditActor Resident(string userId) => new(ResidentKind, userId, "");

    /// <summary>The signed-in user of a request, or <see cref="Anonymous"/>.</summary>
    public static AuditActor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return user.FindFirstValue(KindClaim) == "Resident"
            ? Resident(id)
            : Staff(id, user.Identity.Name, user.FindFirstValue(NameClaim));
    }
}
