using System.Text.Json;
using Kocho.Core.Security;
using Kocho.Core.Settings;
using Microsoft.Extensions.Logging;

namespace Kocho.Users.TwoFactor;

/// <summary>
/// Which roles must sign in with an authenticator app: site setting <c>Users.TwoFactorRequiredRoles</c>
/// (a JSON array of role names), administrators when it is not set.
/// </summary>
public sealed class TwoFactorPolicy(SiteSettings settings, ILogger<TwoFactorPolicy> logger)
{
    public const string SettingKey = "Users.TwoFactorRequiredRoles";
    public static readonly IReadOnlyList<string> DefaultRequiredRoles = [StandardRoles.Administrator];

    public async Task<IReadOnlyList<string>> RequiredRolesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await settings.GetAsync<List<string>>(SettingKey, cancellationToken) ?? DefaultRequiredRoles;
        }
        catch (JsonException ex)
        {
            // A malformed value must not switch two-factor off: fall back to the default.
            logger.LogWarning(ex, "Site setting {Key} is not a JSON array of role names; using the default.", SettingKey);
            return DefaultRequiredRoles;
        }
    }

    public async Task<bool> IsRequiredForAsync(IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var required = await RequiredRolesAsync(cancellationToken);
        return roles.Any(required.Contains);
    }

    /// <summary>Stages the new list; it is saved with the surrounding unit of work.</summary>
    public Task SetRequiredRolesAsync(IEnumerable<string> roles, CancellationToken cancellationToken = default) =>
        settings.SetAsync(SettingKey, roles.Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList(), cancellationToken);
}
