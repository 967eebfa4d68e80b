using Kocho.Users.Accounts;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>Second sign-in step with one of the recovery codes, for a member without their authenticator app.</summary>
public sealed class LoginRecoveryModel(StaffSignIn signIn, IStringLocalizer T) : SecondFactorPageModel(signIn, T)
{
    protected override string MissingCodeMessage => "回復コードを入力してください。";

    protected override string WrongCodeMessage => "回復コードが正しくないか、すでに使われています。";

    protected override Task<StaffSignIn.Outcome> SignInAsync(StaffSignIn signIn, string code) => signIn.RecoveryCodeSignInAsync(code);
}
