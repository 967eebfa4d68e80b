using Kocho.Users.Accounts;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>Second sign-in step for members with two-factor sign-in: the code the authenticator app shows now.</summary>
public sealed class LoginTwoFactorModel(StaffSignIn signIn, IStringLocalizer T) : SecondFactorPageModel(signIn, T)
{
    protected override string MissingCodeMessage => "認証アプリに表示されている6桁の確認コードを入力してください。";

    protected override string WrongCodeMessage => "確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。";

    protected override Task<StaffSignIn.Outcome> SignInAsync(StaffSignIn signIn, string code) => signIn.AuthenticatorCodeSignInAsync(code);
}
