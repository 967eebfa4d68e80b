using Kocho.Core.Modules;
using Kocho.Privacy.AccessReports;
using Kocho.Privacy.Incidents;
using Kocho.Privacy.ProhibitedTerms;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        // Prohibited categories (item 2), access reports (item 6) and incident reports (item 8).
        PrivacyAccessReports.Register(services, module);
        PrivacyIncidents.Register(services, module);
        PrivacyProhibitedTerms.Register(services, module);

        // Retention and erasure (issue #9 item 1).
        module.AddDbContext<Retention.RetentionDbContext>(Retention.RetentionDbContext.Feature);
        services.AddOptions<Retention.PurgeOptions>().BindConfiguration(Retention.PurgeOptions.Section);
        services.AddScoped<Retention.PrivacyPurge>();
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Users.Residents.ResidentAccountDeleted>, Retention.ClosedAccountRecorder>();
        services.AddSingleton<Kocho.Core.Cli.ICliCommandProvider, Retention.PrivacyCliCommands>();
        services.AddHostedService<Retention.PurgeSchedule>();

        // Case → FAQ draft (item 4) and disclosure (item 5).
        services.AddScoped<FaqDrafts.FaqDraftFromCase>();
        services.AddScoped<Disclosure.DisclosureService>();
        module.AddPermissions<Disclosure.DisclosurePermissions>();
        module.AddAdminMenu<Disclosure.DisclosureAdminMenu>();
    }
}
