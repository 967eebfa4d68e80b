using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Tests.Mail;

/// <summary>What a module does with mail (one user action: the change and its mail in one transaction), and what is in the outbox.</summary>
public static class OutboxTestExtensions
{
    /// <summary>A user action that commits and sends <paramref name="mails"/> (e.g. an alert to every member of a department).</summary>
    public static async Task CommitWithMailAsync(this PortalHost host, params OutgoingMail[] mails)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct =>
        {
            foreach (var mail in mails) await outbox.EnqueueAsync(mail, ct);
        });
    }

    public static async Task<List<OutboxMail>> OutboxAsync(this PortalHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDbContext>().Outbox.AsNoTracking().ToListAsync();
    }

    public static async Task<OutboxMail?> OutboxMailToAsync(this PortalHost host, string to) =>
        (await host.OutboxAsync()).SingleOrDefault(m => m.To == to);

    /// <summary>Waits until the outbox row of the mail to <paramref name="to"/> satisfies <paramref name="condition"/>.</summary>
    public static async Task<OutboxMail> WaitForOutboxAsync(this PortalHost host, string to, Func<OutboxMail, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var row = await host.OutboxMailToAsync(to);
            if (row is not null && condition(row)) return row;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(row is null ? $"No outbox mail to {to}." : $"Outbox mail to {to}: {row.Status}, {row.Attempts} attempt(s), {row.LastError}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Warnings and errors of the outbox and its sender (a lost lease, a mail given up, an unreadable outbox).</summary>
    public static IReadOnlyList<string> MailProblems(this PortalHost host) =>
        host.Log.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Kocho.Core.Mail", StringComparison.Ordinal))
            .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.jp";

    /// <summary>The mail a resident gets when their opinion is received (a realistic Japanese subject and body).</summary>
    public static OutgoingMail ReceiptMail(string to, string receiptNumber = "2026-000123") => new(
        to,
        $"【新宿区】ご意見を受け付けました（受付番号 {receiptNumber}）",
        $"新宿 花子 様\n\n区政へのご意見をお寄せいただき、ありがとうございます。\n受付番号は {receiptNumber} です。\n\n新宿区 区政情報課 広聴担当\n",
        $"<p>新宿 花子 様</p><p>受付番号は <strong>{receiptNumber}</strong> です。</p>");
}
