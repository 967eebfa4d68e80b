using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Integrations;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
    }
}
