using Kocho.Core.Events;
using Kocho.Core.Modules;
using Kocho.Core.Search;
using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Events;
using Kocho.Faq.Public;
using Kocho.Faq.Publishing;
using Kocho.Faq.Recipes;
using Kocho.Faq.Search;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Faq;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<FaqDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddPublicMenu<PublicMenu>();
        module.AddPublicScripts<PublicScripts>();
        module.AddRecipeStep<FaqEntriesStep>();
        Kocho.Faq.Reporting.FaqReporting.AddFaqReporting(services);

        services.AddSingleton<FaqMarkdown>();
        services.AddScoped<FaqAccess>();
        services.AddScoped<FaqApprovalRoutes>();
        services.AddScoped<FaqPublication>();
        services.AddScoped<FaqService>();
        services.AddScoped<FaqQueries>();
        services.AddScoped<FaqNames>();
        services.AddScoped<FaqPublicCatalog>();
        services.AddScoped<FaqSearch>();
        services.AddScoped<Csv.FaqCsvExport>();
        services.AddScoped<Csv.FaqCsvImport>();
        services.AddScoped<Legacy.LegacyFaqImport>();
        services.AddScoped<FaqSearchDocuments>();
        services.AddScoped<Kocho.Core.Alerts.IAlertConditionSource, Alerts.FaqAlertSource>();
        services.AddScoped<ISearchIndexSource, FaqIndexSource>();
        services.AddScoped<FaqIndexer>();
        services.AddScoped<ITransactionalEventHandler<FaqPublished>>(sp => sp.GetRequiredService<FaqIndexer>());
        services.AddScoped<ITransactionalEventHandler<FaqUnpublished>>(sp => sp.GetRequiredService<FaqIndexer>());
        services.AddHostedService<FaqPublicationJob>();
        services.AddSingleton<Kocho.Core.Cli.ICliCommandProvider, Cli.FaqCliCommands>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => FaqApi.Map(endpoints);
}
