using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy.Incidents;

/// <summary>What the incident report feature adds to Kocho.Privacy (kept apart so that the module's other features register beside it).</summary>
public static class PrivacyIncidents
{
    public static void Register(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<IncidentsDbContext>("Incidents");
        module.AddPermissions<IncidentPermissions>();
        module.AddAdminMenu<IncidentsAdminMenu>();
        services.AddScoped<IncidentReporting>();
    }
}
