using Kocho.Core.Modules;
using Kocho.Integrations;

[assembly: KochoModule("Kocho.Integrations", "外部連携",
    Description = "区長へのメールの受信箱から意見等を受け付け、受付・転送・回答などの出来事をWebhookで他のシステムへ知らせます。",
    Dependencies = ["Kocho.Core", "Kocho.Opinions", "Kocho.Faq"],
    Startup = typeof(Startup))]
