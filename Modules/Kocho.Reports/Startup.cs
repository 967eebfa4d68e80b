using Kocho.Core.Cli;
using Kocho.Core.Events;
using Kocho.Core.Modules;
using Kocho.Opinions.Events;
using Kocho.Reports.Cli;
using Kocho.Reports.Data;
using Kocho.Reports.Departments;
using Kocho.Reports.Exports;
using Kocho.Reports.Facts;
using Kocho.Reports.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Reports;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext module)
    {
        module.AddDbContext<ReportsDbContext>();
        module.AddPermissions<Permissions>();
        module.AddAdminMenu<AdminMenu>();

        services.AddScoped<CaseFactWriter>();
        services.AddScoped<CaseFactUpdater>();
        services.AddScoped<ITransactionalEventHandler<CaseReceived>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<CaseForwarded>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<ForwardingReturned>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<AnswerSubmitted>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<AnswerApproved>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<AnswerReturned>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<AnswerSent>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddScoped<ITransactionalEventHandler<CaseClosed>>(sp => sp.GetRequiredService<CaseFactUpdater>());
        services.AddHostedService<CaseFactBootstrap>();

        services.AddScoped<CaseStatistics>();
        services.AddScoped<DepartmentAnalysis>();
        services.AddSingleton<ICliCommandProvider, ReportsCliCommands>();

        services.AddSingleton<PreparedExportSignal>();
        services.AddScoped<PreparedExports>();
        services.AddHostedService<PreparedExportWorker>();
    }
}
