using Kocho.Core.Modules;
using Kocho.Opinions;

[assembly: KochoModule("Kocho.Opinions", "意見等",
    Description = "区民等からの意見・要望・問合せ・苦情・提案の受付、関係所属への転送、処理、処理履歴、進捗管理、回答の送信。",
    Dependencies = ["Kocho.Core", "Kocho.Users"],
    Startup = typeof(Startup))]
