using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a module DbContext on the unit of work's shared connection.</summary>
    public static IServiceCollection AddKochoDbContext<TContext>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            var factory = sp.GetRequiredService<DatabaseConnectionFactory>();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            factory.Configure(options, unitOfWork.Connection, migrationsHistoryTable);
        });
        return services;
    }
}
