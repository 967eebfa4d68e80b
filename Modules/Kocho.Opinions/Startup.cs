using Kocho.Core.Modules;
using Kocho.Opinions.Answers;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Opinions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<OpinionsDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddPublicMenu<PublicMenu>();

        services.AddSingleton<OpinionLinks>();
        services.AddScoped<AccessCodes>();
        services.AddScoped<IntakeService>();
        services.AddScoped<ForwardingService>();
        services.AddScoped<HandlingService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<AnswerAccess>();
    }
}
