using Kocho.Core.Modules;
using Kocho.Reports;

[assembly: KochoModule("Kocho.Reports", "統計・分析",
    Description = "意見等の統計処理、所属毎のデータ抽出・分析、グラフ、CSV出力。",
    Dependencies = ["Kocho.Core", "Kocho.Opinions", "Kocho.Faq"],
    Startup = typeof(Startup))]
