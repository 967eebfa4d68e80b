using Kocho.Core.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Opinions.Reporting;

/// <summary>What Opinions offers Reports through Core interfaces (issue #7): case facts and the case and history exports.</summary>
public static class OpinionsReporting
{
    public static IServiceCollection AddOpinionsReporting(this IServiceCollection services)
    {
        services.AddScoped<ICaseFactsSource, CaseFactsSource>();
        services.AddScoped<IReportExport, CaseReportExport>();
        services.AddScoped<IReportExport, HistoryReportExport>();
        return services;
    }
}
