using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Faq;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
    }
}
