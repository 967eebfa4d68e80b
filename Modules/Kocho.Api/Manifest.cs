using Kocho.Core.Modules;
using Kocho.Api;

[assembly: KochoModule("Kocho.Api", "API",
    Description = "職員用REST API（APIキー、スコープ、所属の制限）、Open311 GeoReport v2、OpenAPI文書とリファレンス。",
    Dependencies = ["Kocho.Core", "Kocho.Opinions", "Kocho.Faq"],
    Startup = typeof(Startup))]
