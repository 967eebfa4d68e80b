using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Integrations;

/// <summary>
/// The Shinjuku site sending webhooks to <see cref="WebhookReceiver"/>. The sender trusts the receiver's self-signed
/// certificate only through its pinned thumbprint (<c>Kocho:Integrations:Webhooks:TrustedThumbprints</c>); retries wait
/// half a second instead of thirty.
/// </summary>
public sealed class WebhookSite : IAsyncLifetime
{
    public WebhookReceiver Receiver { get; } = new();
    public PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        Host = await PortalHost.StartAsync("shinjuku",
            $"--Kocho:Integrations:Webhooks:TrustedThumbprints:0={Receiver.Thumbprint}",
            "--Kocho:Integrations:Webhooks:PollInterval=00:00:00.2",
            "--Kocho:Integrations:Webhooks:RetryBase=00:00:00.5",
            "--Kocho:Integrations:Webhooks:MaxAttempts=3");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });
}
