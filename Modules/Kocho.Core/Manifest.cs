using Kocho.Core;
using Kocho.Core.Modules;

[assembly: KochoModule("Kocho.Core", "基盤",
    Description = "モジュール管理、設定、所属、分類、レシピなど、すべての機能の土台です。",
    AlwaysEnabled = true,
    Startup = typeof(Startup))]
