using Kocho.Core.Audit;
using Kocho.Users.TwoFactor;
using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Users.Accounts;
using Kocho.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Users.Cli;

/// <summary>
/// <c>users add --login ID --name NAME --department CODE --role ROLE --password P [--contact-phone T --contact-email M]</c>,
/// <c>users find --contact-email M</c> (found by the keyed hash: the stored address is encrypted);
/// <c>users reset-two-factor --login ID</c>.
/// </summary>
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
        var contactPhone = new Option<string?>("--contact-phone") { Description = "連絡先電話番号（任意、暗号化して保存）" };
        var contactEmail = new Option<string?>("--contact-email") { Description = "連絡先メールアドレス（任意、暗号化して保存）" };
        var add = new Command("add", "職員アカウントを作成します") { login, name, department, role, password, email, contactPhone, contactEmail };
        add.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            try
            {
                var user = await unitOfWork.ExecuteAsync(t => accounts.CreateAsync(new StaffAccounts.NewStaff(
                    parse.GetValue(login)!, parse.GetValue(name)!, parse.GetValue(department),
                    parse.GetValue(role) ?? [], parse.GetValue(password)!, parse.GetValue(email),
                    ContactPhone: parse.GetValue(contactPhone), ContactEmail: parse.GetValue(contactEmail)), t), token);
                await runner.Output.WriteLineAsync($"職員アカウント {user.UserName} を作成しました。");
                return 0;
            }
            catch (AccountException ex)
            {
                throw new CliException(ex.Message);
            }
        }, ct));

        var findEmail = new Option<string>("--contact-email") { Description = "連絡先メールアドレス（大文字・小文字は区別しません）", Required = true };
        var find = new Command("find", "連絡先メールアドレスで職員を探します（ログインID、氏名、連絡先メールアドレス、連絡先電話番号をタブ区切りで表示）") { findEmail };
        find.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var found = await sp.GetRequiredService<StaffAccounts>().FindByContactEmailAsync(parse.GetValue(findEmail)!, token);
            // Showing a person's contact data is a view of personal data: audited per person shown.
            var audit = sp.GetRequiredService<IAuditTrail>();
            foreach (var user in found) await audit.RecordAsync(new AuditEntry("user.contact.viewed", "User", user.Id, "cli users find"), token);
            if (found.Count == 0)
            {
                await runner.Output.WriteLineAsync("該当する職員はいません。");
            }
            foreach (var user in found)
            {
                await runner.Output.WriteLineAsync($"{user.UserName}\t{user.DisplayName}\t{user.ContactEmail}\t{user.ContactPhone}");
            }
            return 0;
        }, ct));
        // The way back in for a member (also the last administrator) who lost both the authenticator app and the recovery codes.
        var resetLogin = new Option<string>("--login") { Description = "ログインID", Required = true };
        var resetTwoFactor = new Command("reset-two-factor", "職員の2段階認証を解除します（認証アプリと回復コードの両方をなくしたとき）") { resetLogin };
        resetTwoFactor.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var twoFactor = sp.GetRequiredService<StaffTwoFactor>();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            var loginId = parse.GetValue(resetLogin)!;
            try
            {
                await unitOfWork.ExecuteAsync(async t =>
                {
                    var user = await accounts.FindByLoginAsync(loginId, t) ?? throw new AccountException($"職員アカウント「{loginId}」は見つかりません。");
                    await twoFactor.ResetAsync(user);
                    await sp.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("user.twofactor.reset", "User", user.Id, "cli"), t);
                }, token);
                await runner.Output.WriteLineAsync($"職員 {loginId} の2段階認証を解除しました。必須のロールの職員は、次回のログインで設定し直します。");
                return 0;
            }
            catch (AccountException ex)
            {
                throw new CliException(ex.Message);
            }
        }, ct));
        return [new Command("users", "職員アカウント") { add, find, resetTwoFactor }];
    }
}
