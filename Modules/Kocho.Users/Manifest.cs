using Kocho.Core.Modules;
using Kocho.Users;

[assembly: KochoModule("Kocho.Users", "ユーザ情報管理",
    Description = "職員と区民等のアカウント、ロール、サインイン（ユーザ情報管理（登録・認証））。",
    Dependencies = ["Kocho.Core"],
    AlwaysEnabled = true,
    Startup = typeof(Startup))]
