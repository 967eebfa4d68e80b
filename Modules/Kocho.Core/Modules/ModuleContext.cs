using Kocho.Core.Data;
using Kocho.Core.Navigation;
using Kocho.Core.Recipes;
using Kocho.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Modules;

/// <summary>Given to a module's startup so that what it registers is tied to the module.</summary>
public sealed class ModuleContext(ModuleDescriptor descriptor, IServiceCollection services)
{
    public ModuleDescriptor Descriptor { get; } = descriptor;
    public string ModuleId => Descriptor.Id;

    /// <summary>
    /// Registers one of the module's DbContexts: shared connection, own migrations history table. A module
    /// may keep one context per feature (<paramref name="feature"/>, e.g. "Audit"), each with its own history.
    /// </summary>
    public void AddDbContext<TContext>(string? feature = null) where TContext : DbContext
    {
        Descriptor.DbContextTypes.Add(typeof(TContext));
        services.AddKochoDbContext<TContext>(MigrationsHistoryTable.For(feature is null ? ModuleId : $"{ModuleId}.{feature}"));
    }

    public void AddPermissions<TProvider>() where TProvider : class, IPermissionProvider
    {
        services.AddSingleton<TProvider>();
        services.AddSingleton(sp => new ModulePermissions(ModuleId, sp.GetRequiredService<TProvider>()));
    }

    public void AddAdminMenu<TMenu>() where TMenu : class, IAdminMenu
    {
        services.AddSingleton<TMenu>();
        services.AddSingleton(sp => new ModuleAdminMenu(ModuleId, sp.GetRequiredService<TMenu>()));
    }

    public void AddPublicMenu<TMenu>() where TMenu : class, IPublicMenu
    {
        services.AddSingleton<TMenu>();
        services.AddSingleton(sp => new ModulePublicMenu(ModuleId, sp.GetRequiredService<TMenu>()));
    }

    public void AddPublicScripts<TScripts>() where TScripts : class, IPublicScripts
    {
        services.AddSingleton<TScripts>();
        services.AddSingleton(sp => new ModulePublicScripts(ModuleId, sp.GetRequiredService<TScripts>()));
    }

    public void AddRecipeStep<THandler>() where THandler : class, IRecipeStepHandler
    {
        services.AddScoped<THandler>();
        services.AddScoped(sp => new ModuleRecipeStep(ModuleId, sp.GetRequiredService<THandler>()));
    }
}
