using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>Identity's errors as the Japanese sentences a user sees.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "処理できませんでした。もう一度お試しください。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"ログインID「{userName}」はすでに使われています。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "このメールアドレスはすでに登録されています。");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "ログインIDには半角英数字と - . _ @ + のみ使えます。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "メールアドレスの形式が正しくありません。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"パスワードは {length} 文字以上にしてください。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"パスワードには {uniqueChars} 種類以上の文字を使ってください。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "パスワードが正しくありません。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"ロール「{role}」はすでにあります。");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"ロール名「{role}」は使えません。");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"すでにロール「{role}」が割り当てられています。");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "リンクの有効期限が切れているか、正しくありません。");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "他の人が同時に更新しました。画面を開き直してください。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
