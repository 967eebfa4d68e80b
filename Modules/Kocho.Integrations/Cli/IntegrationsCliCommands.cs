using System.CommandLine;
using Kocho.Core.Cli;
using Kocho.Core.Modules;
using Kocho.Integrations.Mailbox;
using Kocho.Integrations.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kocho.Integrations.Cli;

/// <summary><c>mailbox poll</c> (take the mailbox's new mails now) and <c>webhooks send</c> (send the due webhook deliveries now).</summary>
public sealed class IntegrationsCliCommands : ICliCommandProvider
{
    public IEnumerable<Command> CreateCommands(CliRunner runner)
    {
        var poll = new Command("poll", "区長へのメールの受信箱を今すぐ確認し、新しいメールを意見等として受け付けます");
        poll.SetAction((_, ct) => runner.RunAsync(async (sp, token) =>
        {
            EnsureEnabled(sp);
            if (!sp.GetRequiredService<IOptions<MailboxOptions>>().Value.Configured)
                throw new CliException($"受信箱が設定されていません。{MailboxOptions.Section}:Host などを設定してください。");
            var result = await sp.GetRequiredService<MailboxIntake>().PollAsync(token)
                ?? throw new CliException("別のノードで受信箱を確認中です。しばらくしてからやり直してください。");
            await runner.Output.WriteLineAsync(
                $"新しい意見等 {result.Count(MailboxOutcome.CaseCreated)} 件、処理履歴への追加 {result.Count(MailboxOutcome.AddedToCase)} 件、" +
                $"自動応答など {result.Count(MailboxOutcome.Ignored)} 件、受け付けなかったメール {result.Count(MailboxOutcome.Rejected)} 件" +
                (result.AlreadyTaken > 0 ? $"、受付済みで移動だけしたメール {result.AlreadyTaken} 件" : "") +
                (result.LeftInInbox > 0 ? $"、受信箱に残したメール {result.LeftInInbox} 件（ログを確認してください）" : ""));
            return result.LeftInInbox > 0 ? 1 : 0;
        }, ct));

        var send = new Command("send", "送信待ちのWebhookを今すぐ送ります");
        send.SetAction((_, ct) => runner.RunAsync(async (sp, token) =>
        {
            EnsureEnabled(sp);
            var sent = await sp.GetRequiredService<WebhookSender>().SendDueAsync(token)
                ?? throw new CliException("別のノードでWebhookを送信中です。しばらくしてからやり直してください。");
            await runner.Output.WriteLineAsync($"Webhook の送信 {sent} 件");
            return 0;
        }, ct));

        return [new Command("mailbox", "区長へのメールの受信箱") { poll }, new Command("webhooks", "Webhook") { send }];
    }

    private static void EnsureEnabled(IServiceProvider services)
    {
        if (!services.GetRequiredService<EnabledModules>().IsEnabled(Startup.ModuleId))
            throw new CliException("外部連携（Kocho.Integrations）が有効になっていません。modules enable Kocho.Integrations で有効にしてください。");
    }
}
