using Kocho.Core.Modules;
using Kocho.Opinions.Answers;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kocho.Opinions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        // Search, department suggestion, export and demo data (issue #4 items 7, 9, 10, 12).
        module.AddRecipeStep<Kocho.Opinions.Demo.OpinionCasesStep>();
        services.AddScoped<Kocho.Opinions.Search.CaseSearchDocuments>();
        services.AddScoped<Kocho.Core.Search.ISearchIndexSource, Kocho.Opinions.Search.CaseIndexSource>();
        services.AddScoped<Kocho.Opinions.Search.CaseIndexer>();
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.CaseReceived>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.CaseForwarded>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.ForwardingReturned>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.AnswerSubmitted>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.AnswerApproved>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.AnswerReturned>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.AnswerSent>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Core.Events.ITransactionalEventHandler<Kocho.Opinions.Events.CaseClosed>>(sp => sp.GetRequiredService<Kocho.Opinions.Search.CaseIndexer>());
        services.AddScoped<Kocho.Opinions.Search.CaseSearch>();
        services.AddScoped<Kocho.Opinions.Suggestions.DepartmentSuggester>();
        services.AddScoped<Kocho.Opinions.Export.CaseExport>();
        services.AddSingleton<Kocho.Core.Cli.ICliCommandProvider, Kocho.Opinions.Export.OpinionsCliCommands>();
        Kocho.Opinions.Reporting.OpinionsReporting.AddOpinionsReporting(services);

        module.AddDbContext<OpinionsDbContext>();
        services.AddScoped<Kocho.Core.Alerts.IAlertConditionSource, Kocho.Opinions.Alerts.CaseAlertSource>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();
        module.AddPublicMenu<PublicMenu>();

        services.AddSingleton<OpinionLinks>();
        services.AddScoped<AccessCodes>();
        services.AddScoped<IntakeService>();
        services.AddScoped<ForwardingService>();
        services.AddScoped<HandlingService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<CaseQueries>();
        services.TryAddScoped<Kocho.Core.ProhibitedTerms.ProhibitedTermGuard>();
        services.AddScoped<AnswerAccess>();
        services.AddScoped<Kocho.Opinions.Legacy.LegacyCaseImport>();
    }
}
