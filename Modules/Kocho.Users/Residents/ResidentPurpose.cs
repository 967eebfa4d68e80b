namespace Kocho.Users.Residents;

/// <summary>利用目的 (特記事項 4): shown at registration; consent to this version is recorded.</summary>
public static class ResidentPurpose
{
    public const string Version = "2026-11";

    public const string Text =
        "ご登録いただく個人情報（メールアドレス、氏名、郵便番号、住所、電話番号、FAX番号）は、新宿区にお寄せいただいたご意見・お問い合わせへの回答と、その内容の確認のためのご連絡にのみ利用します。" +
        "法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。情報は暗号化して保管し、アカウントを削除すると消去します。";
}
