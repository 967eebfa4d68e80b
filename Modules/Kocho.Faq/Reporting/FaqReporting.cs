using Kocho.Core.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Faq.Reporting;

/// <summary>What FAQ offers Reports through Core interfaces (issue #7): its use statistics and their CSV.</summary>
public static class FaqReporting
{
    public static IServiceCollection AddFaqReporting(this IServiceCollection services)
    {
        services.AddScoped<IFaqStatisticsSource, FaqStatisticsSource>();
        services.AddScoped<IReportExport, FaqStatsReportExport>();
        return services;
    }
}
