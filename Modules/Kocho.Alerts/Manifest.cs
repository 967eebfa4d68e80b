using Kocho.Alerts;
using Kocho.Core.Modules;

[assembly: KochoModule("Kocho.Alerts", "アラート",
    Description = "担当課あてアラートメッセージ送信：転送・差戻し・承認依頼・回答期限・FAQの承認と見直しを受信箱とメールで知らせます。",
    Dependencies = ["Kocho.Core", "Kocho.Users"],
    Startup = typeof(Startup))]
