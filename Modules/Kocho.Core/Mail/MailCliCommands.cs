using Kocho.Core.Calendar;
using System.CommandLine;
using System.Globalization;
using Kocho.Core.Cli;
using Kocho.Core.Data;
using Kocho.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Mail;

/// <summary>
/// <c>mail test --to ADDRESS</c>: an administrator checks the mail settings. The test mail goes through the outbox
/// like any other and is tried at once; the verb says whether it went out, or why not.
/// </summary>
public sealed class MailCliCommands(TimeProvider clock) : ICliCommandProvider
{
    public const string TestTemplate = "TestMail";

    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var to = new Option<string>("--to") { Description = "送信先のメールアドレス", Required = true };
        var test = new Command("test", "テストメール「Kocho テストメール」を送信し、メール送信の設定を確かめます") { to };
        test.SetAction((parse, ct) => runner.RunAsync(async (sp, token) =>
        {
            var address = parse.GetValue(to)!.Trim();
            if (!MailOutbox.IsAddress(address))
            {
                throw new CliException($"メールアドレス「{address}」の形式が正しくありません。例: taro@example.jp");
            }
            var delivery = sp.GetRequiredService<MailDelivery>();
            var mail = sp.GetRequiredService<MailTemplates>().Render("Kocho.Core", TestTemplate, address, new Dictionary<string, string>
            {
                ["siteName"] = await sp.GetRequiredService<SiteIdentity>().NameAsync(),
                ["host"] = Environment.MachineName,
                ["sentAt"] = SentAt(clock.GetUtcNow()),
                ["transport"] = delivery.TransportDescription,
            });
            var outbox = sp.GetRequiredService<MailOutbox>();
            var queued = await sp.GetRequiredService<UnitOfWork>().ExecuteAsync(t => outbox.AddAsync(mail, t), token);

            var result = await delivery.DeliverAsync(queued.Id, giveUpOnFailure: true, token);
            switch (result?.Status)
            {
                case OutboxMailStatus.Sent:
                    await runner.Output.WriteLineAsync($"テストメールを {address} に送信しました（{delivery.TransportDescription}、Message-ID <{queued.MessageId}>）。");
                    return 0;
                case OutboxMailStatus.Failed:
                    throw new CliException(
                        $"テストメールを送信できませんでした（{delivery.TransportDescription}）: {result.LastError} 設定 Kocho:Mail:Smtp を確かめてください。");
                default:
                    await runner.Output.WriteLineAsync($"テストメールを送信待ちに入れました。稼働中のサイトが送信します（Message-ID <{queued.MessageId}>）。");
                    return 0;
            }
        }, ct));
        yield return new Command("mail", "メール送信") { test };
    }

    private static string SentAt(DateTimeOffset now) =>
        JapanTime.ToJst(now).ToString("yyyy年M月d日 H時mm分ss秒（日本時間）", CultureInfo.InvariantCulture);
}
