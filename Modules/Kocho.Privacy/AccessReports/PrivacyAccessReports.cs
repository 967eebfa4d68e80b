using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy.AccessReports;

/// <summary>What the access report feature adds to Kocho.Privacy.</summary>
public static class PrivacyAccessReports
{
    public static void Register(IServiceCollection services, ModuleContext module)
    {
        module.AddPermissions<AccessReportPermissions>();
        module.AddAdminMenu<AccessReportsAdminMenu>();
        services.AddScoped<AccessReport>();
    }
}
