using Kocho.Core.Modules;
using Kocho.Faq;

[assembly: KochoModule("Kocho.Faq", "FAQ",
    Description = "よくある質問の登録、上位者による電子的な承認、公開、日本語検索、CSV出力。",
    Dependencies = ["Kocho.Core", "Kocho.Users"],
    Startup = typeof(Startup))]
