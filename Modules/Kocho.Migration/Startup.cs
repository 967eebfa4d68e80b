using Kocho.Core.Cli;
using Kocho.Core.Modules;
using Kocho.Migration.Cli;
using Kocho.Migration.Import;
using Kocho.Migration.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Migration;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        services.AddScoped<LegacyValidator>();
        services.AddScoped<LegacyImporter>();
        services.AddScoped<LegacyVerifier>();
        services.AddSingleton<ICliCommandProvider, MigrationCliCommands>();
    }
}
