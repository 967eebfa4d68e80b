using Kocho.Core.Navigation;

namespace Kocho.Opinions;

public sealed class PublicMenu : IPublicMenu
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("ご意見・お問い合わせ", "/opinions/new", "区長へのご意見や、各課へのお問い合わせをお送りいただけます。", Order: 200),
        new("回答の確認", "/opinions/answer", "受付番号とアクセスコードで、回答と対応状況を確認できます。", Order: 210),
        new("お問い合わせ履歴", "/account/opinions", "登録利用者の方は、これまでのお問い合わせと回答をご覧いただけます。", Order: 220),
    ];
}
