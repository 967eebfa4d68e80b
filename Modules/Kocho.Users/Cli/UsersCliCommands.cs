using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Users.Accounts;
using Kocho.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Users.Cli;

/// <summary><c>users add --login ID --name NAME --department CODE --role ROLE --password P</c></summary>
public sealed class UsersCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var login = new Option<string>("--login") { Description = "ログインID", Required = true };
        var name = new Option<string>("--name") { Description = "氏名", Required = true };
        var department = new Option<string?>("--department") { Description = "所属コード" };
        var role = new Option<string[]>("--role") { Description = "ロール名（複数指定可）", AllowMultipleArgumentsPerToken = false };
        var password = new Option<string>("--password") { Description = "初期パスワード（12文字以上）", Required = true };
        var email = new Option<string?>("--email") { Description = "メールアドレス（任意）" };
        var add = new Command("add", "職員アカウントを作成します") { login, name, department, role, password, email };
        add.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            try
            {
                var user = await unitOfWork.ExecuteAsync(t => accounts.CreateAsync(new StaffAccounts.NewStaff(
                    parse.GetValue(login)!, parse.GetValue(name)!, parse.GetValue(department),
                    parse.GetValue(role) ?? [], parse.GetValue(password)!, parse.GetValue(email)), t), token);
                await runner.Output.WriteLineAsync($"職員アカウント {user.UserName} を作成しました。");
                return 0;
            }
            catch (AccountException ex)
            {
                throw new CliException(ex.Message);
            }
        }, ct));
        return [new Command("users", "職員アカウント") { add }];
    }
}
