using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
    }
}
