using Kocho.Core.Cli;
using Kocho.Core.Events;
using Kocho.Core.Modules;
using Kocho.Faq.Events;
using Kocho.Integrations.Cli;
using Kocho.Integrations.Data;
using Kocho.Integrations.Mailbox;
using Kocho.Integrations.Webhooks;
using Kocho.Opinions.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Integrations;

public sealed class Startup : ModuleStartup
{
    public const string ModuleId = "Kocho.Integrations";

    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<IntegrationsDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();

        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section)
            .Validate(o => !o.Problems().Any(), "Kocho:Integrations:Mailbox is not valid: check Host, Port, Security (SslOnConnect or StartTls), UserName, Password and the folders.")
            .ValidateOnStart();
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.RetryBase > TimeSpan.Zero && o.RetryMax >= o.RetryBase && o.Timeout > TimeSpan.Zero && o.BatchSize >= 1,
                "Kocho:Integrations:Webhooks is not valid: MaxAttempts ≥ 1, 0 < RetryBase ≤ RetryMax, Timeout > 0, BatchSize ≥ 1.")
            .ValidateOnStart();
        services.AddScoped<MailboxIntake>();
        services.AddHostedService<MailboxSchedule>();

        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookHttp>();
        services.AddScoped<WebhookPublisher>();
        services.AddScoped<WebhookSender>();
        services.AddScoped<WebhookEndpoints>();
        services.AddHostedService<WebhookSchedule>();
        services.AddSingleton<ICliCommandProvider, IntegrationsCliCommands>();

        services.AddScoped<WebhookEventHandlers>();
        services.AddScoped<ITransactionalEventHandler<CaseReceived>>(sp => sp.GetRequiredService<WebhookEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<CaseForwarded>>(sp => sp.GetRequiredService<WebhookEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<AnswerSent>>(sp => sp.GetRequiredService<WebhookEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<CaseClosed>>(sp => sp.GetRequiredService<WebhookEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<FaqPublished>>(sp => sp.GetRequiredService<WebhookEventHandlers>());
    }
}
