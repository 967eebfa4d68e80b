using Kocho.Core.Calendar;
using Kocho.Core.Audit;
using Kocho.Core.Cli;
using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Core.Modules;
using Kocho.Core.Protection;
using Kocho.Core.Recipes;
using Kocho.Core.Recipes.Steps;
using Kocho.Core.Search;
using Kocho.Core.Search.Synonyms;
using Kocho.Core.Settings;
using Kocho.Core.Setup;
using Kocho.Core.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<CoreDbContext>();
        module.AddDbContext<CalendarDbContext>("Calendar");
        module.AddDbContext<AuditDbContext>("Audit");
        module.AddDbContext<KeysDbContext>("Keys");
        services.AddPersonalDataProtection();
        services.AddSingleton<Protection.Redaction.IPersonalDataRedactor, Protection.Redaction.PersonalDataRedactor>();
        module.AddDbContext<MailDbContext>(MailDbContext.Feature);
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddRecipeStep<ModulesStep>();
        module.AddRecipeStep<SettingsStep>();
        module.AddRecipeStep<DepartmentsStep>();
        module.AddRecipeStep<CategoriesStep>();

        services.AddScoped<SiteSettings>();
        services.AddScoped<SiteIdentity>();
        services.AddScoped<Departments.DepartmentDirectory>();
        services.AddScoped<Departments.DepartmentService>();
        services.AddScoped<ModuleManager>();
        services.AddHostedService<EnabledModulesRefresher>();
        services.AddScoped<RecipeExecutor>();
        services.AddSingleton<RecipeLocator>();
        services.AddScoped<SiteSetup>();
        services.AddSingleton<ICliCommandProvider, CoreCliCommands>();
        services.AddSingleton<JapaneseHolidayRules>();
        services.AddScoped<BusinessCalendarService>();
        services.AddSingleton<ICliCommandProvider, CalendarCliCommands>();

        services.AddHttpContextAccessor();
        services.AddScoped<AmbientAuditActor>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditSearch>();
        services.AddSingleton<ICliCommandProvider, AuditCliCommands>();
        services.AddMailOutbox();

        module.AddDbContext<Jobs.JobsDbContext>(Jobs.JobsDbContext.Feature);
        services.AddSingleton<Jobs.JobLeaseOwner>();
        services.AddScoped<Jobs.JobLeases>();
        services.AddScoped<Navigation.HeaderBadges>();

        module.AddDbContext<SearchDbContext>(SearchDbContext.Feature);
        services.AddSingleton<SearchSynonyms>();
        services.AddSingleton<SearchChangeLog>();
        services.AddSingleton<LuceneSearchService>();
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<LuceneSearchService>());
        services.AddScoped<SynonymStore>();
        services.AddScoped<SearchChangeFeed>();
        module.AddRecipeStep<SynonymsStep>();
        services.AddSingleton<ICliCommandProvider, SearchCliCommands>();
        services.AddHostedService<SearchIndexFiller>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The staff listener's root leads to the staff home.
        endpoints.MapGet("/", () => Results.Redirect("/admin")).WithMetadata(SiteEndpointMetadata.Staff);
    }
}
