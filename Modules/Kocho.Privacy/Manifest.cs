using Kocho.Core.Modules;
using Kocho.Privacy;

[assembly: KochoModule("Kocho.Privacy", "個人情報保護",
    Description = "特記事項の約束を守る仕組み：保存期間と消去、要配慮事項の確認、マスキング、開示、アクセス記録、持出しの理由、事故報告。",
    Dependencies = ["Kocho.Core", "Kocho.Users", "Kocho.Opinions", "Kocho.Faq"],
    Startup = typeof(Startup))]
