using Kocho.Api.Access;
using Kocho.Api.Data;
using Kocho.Api.Keys;
using Kocho.Api.Open311;
using Kocho.Api.OpenApi;
using Kocho.Api.Staff;
using Kocho.Core.Modules;
using Kocho.Core.Sites;
using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Api;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<ApiDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiGate>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        services.AddApiDocument();
        services.AddSingleton(new RefusalPathFormat(Open311Api.Root, new Open311Refusal()));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        StaffApi.Map(endpoints);
        Open311Api.Map(endpoints);
        endpoints.MapOpenApi(ApiDocument.Pattern).WithMetadata(SiteEndpointMetadata.Staff);
    }
}
