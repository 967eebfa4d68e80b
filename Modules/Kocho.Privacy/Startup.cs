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
        PrivacyAccessReports.Register(services, module);
        PrivacyIncidents.Register(services, module);
        PrivacyProhibitedTerms.Register(services, module);
    }
}
