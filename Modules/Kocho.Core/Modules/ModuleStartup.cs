using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Modules;

/// <summary>
/// A module's entry point: what it adds to the services and which endpoints it maps.
/// The host calls every module's startup once; endpoints and menus of a disabled module stay hidden.
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services, ModuleContext module) { }

    /// <summary>Maps minimal-API endpoints; they are tagged with the module and hidden while it is disabled.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
