using System.Text;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): enrolment with a code from the app, ten one-time
/// recovery codes, disabling (refused while a role requires it) and new recovery codes.
/// Changes that renew the security stamp need the caller to refresh the member's own session.
/// </summary>
public sealed class StaffTwoFactor(UserManager<KochoUser> users, TwoFactorPolicy policy)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The key the app should hold; a key is created on first use (this renews the security stamp).</summary>
    public async Task<(AuthenticatorSetup Setup, bool StampChanged)> SetupAsync(KochoUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = false;
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            created = true;
        }
        return (AuthenticatorSetup.For(user.UserName ?? "", key!), created);
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is the app's current code; returns the recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(KochoUser user, string code)
    {
        if (user.TwoFactorEnabled) throw new AccountException("2段階認証はすでに有効です。");
        var normalized = NormalizeCode(code);
        if (normalized.Length == 0) throw new AccountException("認証アプリに表示されている6桁の確認コードを入力してください。", "Code");
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            throw new AccountException("確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。", "Code");
        }
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, so that enabling again pairs a new one.</summary>
    public async Task DisableAsync(KochoUser user)
    {
        if (!user.TwoFactorEnabled) throw new AccountException("2段階認証は有効になっていません。");
        if (await policy.IsRequiredForAsync(await users.GetRolesAsync(user)))
        {
            throw new AccountException("あなたのロールでは2段階認証が必須のため、無効にできません。");
        }
        await TurnOffAsync(user);
    }

    /// <summary>An administrator's reset for a member who lost their authenticator (the member enrols again).</summary>
    public async Task ResetAsync(KochoUser user)
    {
        if (!user.TwoFactorEnabled) throw new AccountException("この職員の2段階認証は有効になっていません。");
        await TurnOffAsync(user);
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(KochoUser user)
    {
        if (!user.TwoFactorEnabled) throw new AccountException("2段階認証を有効にしてから回復コードを発行してください。");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
    }

    public Task<int> RecoveryCodesLeftAsync(KochoUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>Codes as people type them: full-width digits, spaces and hyphens are accepted.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>Recovery codes as people type them: any case, full-width, with or without the hyphen (XXXXX-XXXXX).</summary>
    public static string NormalizeRecoveryCode(string? code)
    {
        var plain = new string((code ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return plain.Length == 10 && !plain.Contains('-') ? plain[..5] + "-" + plain[5..] : plain;
    }

    private async Task TurnOffAsync(KochoUser user)
    {
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
