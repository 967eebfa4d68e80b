using Kocho.Core.Navigation;

namespace Kocho.Faq;

public sealed class PublicMenu : IPublicMenu
{
    public IEnumerable<PublicMenuItem> GetItems() =>
        [new("よくある質問", "/faq", "区の手続きやサービスについて、よくある質問と回答を探せます。", Order: 100)];
}
