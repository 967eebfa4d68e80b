using Kocho.Core.Mail;

namespace Kocho.Users.Residents;

/// <summary>The Japanese mails of resident accounts. Links only; no personal data beyond the greeting.</summary>
public static class ResidentMails
{
    private const string Footer = "\n\n※このメールは送信専用です。お心当たりのない場合は、このメールを破棄してください。\n新宿区 区民の声・よくある質問";

    public static OutgoingMail Verify(string to, string name, string link) => new(to,
        "【新宿区】メールアドレスの確認のお願い",
        $"{name} 様\n\n新宿区 区民の声・よくある質問へのご登録ありがとうございます。\n次のリンクを開いて、メールアドレスの確認を完了してください（24時間有効）。\n\n{link}" + Footer);

    public static OutgoingMail AlreadyRegistered(string to, string forgotLink) => new(to,
        "【新宿区】ご登録のメールアドレスについて",
        $"このメールアドレスでの登録のお申し込みがありましたが、このメールアドレスはすでに登録されています。\nパスワードをお忘れの場合は、次のページから再設定してください。\n\n{forgotLink}" + Footer);

    public static OutgoingMail ConfirmNewEmail(string to, string name, string link) => new(to,
        "【新宿区】新しいメールアドレスの確認のお願い",
        $"{name} 様\n\nメールアドレスの変更のお申し込みを受け付けました。\n次のリンクを開くと変更が完了します（24時間有効）。\n\n{link}" + Footer);

    public static OutgoingMail ResetPassword(string to, string name, string link) => new(to,
        "【新宿区】パスワードの再設定",
        $"{name} 様\n\nパスワードの再設定のお申し込みを受け付けました。\n次のリンクを開いて、新しいパスワードを設定してください（24時間有効）。\n\n{link}" + Footer);
}
