using Kocho.Integrations.Data;
using Kocho.Integrations.Mailbox;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.History;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Integrations;

/// <summary>
/// The Shinjuku site reading a dovecot mailbox on loopback (trusted by pinned thumbprint), with no poll schedule of its
/// own: the tests poll when they have put their mails in. Mails up to 200 KB are taken.
/// </summary>
public sealed class MailboxSite : IAsyncLifetime
{
    public const long MaxBytes = 200_000;

    public LoopbackDovecot Imap { get; } = new();
    public PortalHost Host { get; private set; } = null!;
    public MailPickup Outbox => new(Host.DataPath);

    public async Task InitializeAsync()
    {
        await Imap.StartAsync();
        Host = await PortalHost.StartAsync("shinjuku", [.. Imap.PortalArgs, "--Kocho:Integrations:Mailbox:Schedule=false",
            $"--Kocho:Integrations:Mailbox:MaxMessageBytes={MaxBytes}", "--Kocho:Integrations:Webhooks:Schedule=false"]);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Imap.DisposeAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<MailboxPollResult> PollAsync()
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<MailboxIntake>().PollAsync());
        Assert.NotNull(result);
        return result;
    }

    public Task<List<OpinionCase>> CasesAsync(string? subject) =>
        InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking().Where(c => c.Subject == subject).ToListAsync());

    public Task<List<HistoryEntry>> HistoryAsync(Guid caseId) =>
        InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().History.AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.At).ToListAsync());

    public Task<MailboxMessage?> RecordAsync(string? messageId) =>
        InScopeAsync(sp => sp.GetRequiredService<IntegrationsDbContext>().MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.MessageKey == "mid:" + messageId));
}
