using Kocho.Core.Events;
using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c> only: a SQLite unit of work to generate a module's migrations from.
/// Generated migrations are then made engine-neutral (see docs/migrations.md). Personal-data properties get a
/// protector that refuses every use: design time builds models, it never reads or writes personal data.
/// </summary>
public static class DesignTime
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton<IPersonalDataProtector, DesignTimePersonalDataProtector>()
        .BuildServiceProvider();

    public static (DbContextOptions<TContext> Options, UnitOfWork UnitOfWork) Create<TContext>(string moduleId) where TContext : DbContext
    {
        var factory = new DatabaseConnectionFactory(DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(Path.GetTempPath(), "kocho-design.db"));
        var unitOfWork = new UnitOfWork(factory, new NoDispatcher());
        var builder = new DbContextOptionsBuilder<TContext>();
        factory.Configure(builder, unitOfWork.Connection, MigrationsHistoryTable.For(moduleId));
        builder.UseApplicationServiceProvider(Services);
        builder.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
        return (builder.Options, unitOfWork);
    }

    private sealed class NoDispatcher : IDomainEventDispatcher
    {
        public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DispatchInTransactionAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
