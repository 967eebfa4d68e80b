using Kocho.Core.Modules;
using Kocho.Core.ProhibitedTerms;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Privacy.ProhibitedTerms;

/// <summary>What the prohibited-category check adds to Kocho.Privacy: the list, its page and recipe step, and Core's check.</summary>
public static class PrivacyProhibitedTerms
{
    public static void Register(IServiceCollection services, ModuleContext module)
    {
        module.AddPermissions<ProhibitedTermPermissions>();
        module.AddAdminMenu<ProhibitedTermsAdminMenu>();
        module.AddRecipeStep<ProhibitedTermsStep>();
        services.AddScoped<ProhibitedTermList>();
        services.AddScoped<IProhibitedTermCheck, ProhibitedTermCheck>();
    }
}
