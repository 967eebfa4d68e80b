using Kocho.Alerts.Cli;
using Kocho.Alerts.Data;
using Kocho.Alerts.Delivery;
using Kocho.Alerts.Events;
using Kocho.Alerts.Inbox;
using Kocho.Alerts.Preferences;
using Kocho.Alerts.Recipes;
using Kocho.Alerts.Rules;
using Kocho.Alerts.Scans;
using Kocho.Core.Cli;
using Kocho.Core.Events;
using Kocho.Core.Modules;
using Kocho.Core.Navigation;
using Kocho.Faq.Events;
using Kocho.Opinions.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Alerts;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<AlertsDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddRecipeStep<AlertRulesStep>();

        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section);
        services.AddSingleton<StaffLinks>();
        services.AddScoped<AlertRecipients>();
        services.AddScoped<AlertRaiser>();
        services.AddScoped<AlertDigest>();
        services.AddScoped<AlertRuleService>();
        services.AddScoped<AlertInbox>();
        services.AddScoped<AlertPreferences>();
        services.AddScoped<IHeaderBadge, UnreadAlertsBadge>();
        services.AddScoped<AlertScanner>();
        services.AddScoped<AlertJobs>();
        services.AddHostedService<AlertSchedule>();
        services.AddSingleton<ICliCommandProvider, AlertsCliCommands>();

        services.AddScoped<AlertEventHandlers>();
        services.AddScoped<ITransactionalEventHandler<CaseForwarded>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<ForwardingReturned>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<AnswerSubmitted>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<AnswerReturned>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<FaqApprovalRequested>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<FaqApproved>>(sp => sp.GetRequiredService<AlertEventHandlers>());
        services.AddScoped<ITransactionalEventHandler<FaqReturned>>(sp => sp.GetRequiredService<AlertEventHandlers>());
    }
}
