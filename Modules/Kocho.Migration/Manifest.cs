using Kocho.Core.Modules;
using Kocho.Migration;

[assembly: KochoModule("Kocho.Migration", "データ移行",
    Description = "旧システムの所属・FAQ・意見等・処理履歴のCSVを検証して取り込み、取り込んだ結果を検証します。",
    Dependencies = ["Kocho.Core", "Kocho.Opinions", "Kocho.Faq"],
    Startup = typeof(Startup))]
