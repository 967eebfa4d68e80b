using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module DbContext on the unit of work's shared connection. Its model is cached per
    /// personal-data protector, since encrypted properties carry the application's protector.
    /// </summary>
    public static IServiceCollection AddKochoDbContext<TContext>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            var factory = sp.GetRequiredService<DatabaseConnectionFactory>();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            factory.Configure(options, unitOfWork.Connection, migrationsHistoryTable);
            options.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
        });
        return services;
    }
}
