using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        // Retention and erasure (issue #9 item 1).
        module.AddDbContext<Retention.RetentionDbContext>(Retention.RetentionDbContext.Feature);
        services.AddOptions<Retention.PurgeOptions>().BindConfiguration(Retention.PurgeOptions.Section);
        services.AddScoped<Retention.PrivacyPurge>();
        services.AddScoped<Kocho.Core.Events.IDomainEventHandler<Kocho.Users.Residents.ResidentAccountDeleted>, Retention.ClosedAccountRecorder>();
        services.AddSingleton<Kocho.Core.Cli.ICliCommandProvider, Retention.PrivacyCliCommands>();
        services.AddHostedService<Retention.PurgeSchedule>();

        // Case → FAQ draft (item 4) and disclosure (item 5).
        services.AddScoped<FaqDrafts.FaqDraftFromCase>();
        services.AddScoped<Disclosure.DisclosureService>();
        module.AddPermissions<Disclosure.DisclosurePermissions>();
        module.AddAdminMenu<Disclosure.DisclosureAdminMenu>();
    }
}
