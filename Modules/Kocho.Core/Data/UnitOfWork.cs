using System.Data;
using System.Data.Common;
using Kocho.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kocho.Core.Data;

/// <summary>
/// One user action = one transaction (DESIGN.md). Scoped: every module DbContext of the request shares
/// its connection; <see cref="ExecuteAsync"/> commits them together and then publishes the domain events
/// raised inside, so that handlers (alerts) only ever see committed data. Transactional handlers (the search change
/// feed) run before the commit instead, so what they write commits with the change or not at all.
/// Also disposable synchronously: library code that opens its own scope with <c>using</c> (Data Protection's
/// EF key repository) must be able to end it.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable, IDisposable
{
    private readonly DatabaseConnectionFactory _factory;
    private readonly IDomainEventDispatcher _dispatcher;
    private readonly List<DbContext> _contexts = [];
    private readonly List<IDomainEvent> _pendingEvents = [];
    private readonly List<Func<CancellationToken, Task>> _beforeCommit = [];
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public UnitOfWork(DatabaseConnectionFactory factory, IDomainEventDispatcher dispatcher)
    {
        _factory = factory;
        _dispatcher = dispatcher;
    }

    public DatabaseProvider Provider => _factory.Provider;

    public DbConnection Connection => _connection ??= _factory.CreateConnection();

    public bool InTransaction => _transaction is not null;

    /// <summary>Counts the transactions of this unit of work, so per-transaction state can tell a new one from the last.</summary>
    public long TransactionNumber { get; private set; }

    /// <summary>Called by every module DbContext on construction (contexts that cannot derive from ModuleDbContext call it themselves).</summary>
    public void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    /// <summary>Queues an event to publish after the surrounding transaction commits.</summary>
    public void Publish(IDomainEvent domainEvent)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Domain events are published from inside UnitOfWork.ExecuteAsync.");
        }
        _pendingEvents.Add(domainEvent);
    }

    /// <summary>
    /// Runs <paramref name="hook"/> once, as the last write of the current transaction (after every handler, just
    /// before the commit).
    /// </summary>
    public void OnCommit(Func<CancellationToken, Task> hook)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Commit hooks are added from inside UnitOfWork.ExecuteAsync.");
        }
        _beforeCommit.Add(hook);
    }

    /// <summary>Runs <paramref name="hook"/> once the current transaction has committed (before the domain events).</summary>
    public void OnCommitted(Func<CancellationToken, Task> hook)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Commit hooks are added from inside UnitOfWork.ExecuteAsync.");
        }
        _afterCommit.Add(hook);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. Nested calls join the outer transaction.
    /// Any exception rolls everything back and nothing is published.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            return await work(cancellationToken);
        }
        if (Connection.State != ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken);
        }
        _transaction = await Connection.BeginTransactionAsync(cancellationToken);
        TransactionNumber++;
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }
        T result;
        List<IDomainEvent> events;
        List<Func<CancellationToken, Task>> afterCommit;
        try
        {
            result = await work(cancellationToken);
            await SaveAllAsync(cancellationToken);
            // Events raised by a transactional handler are handled too, in order.
            for (var i = 0; i < _pendingEvents.Count; i++)
            {
                await _dispatcher.DispatchInTransactionAsync(_pendingEvents[i], cancellationToken);
            }
            await SaveAllAsync(cancellationToken);
            for (var i = 0; i < _beforeCommit.Count; i++)
            {
                await _beforeCommit[i](cancellationToken);
            }
            await SaveAllAsync(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
            events = [.. _pendingEvents];
            afterCommit = [.. _afterCommit];
        }
        catch
        {
            try
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception) when (Connection.State != ConnectionState.Open)
            {
                // the connection is gone: the server rolls back on its own
            }
            foreach (var context in _contexts) context.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            await EndTransactionAsync();
        }
        foreach (var hook in afterCommit)
        {
            await hook(cancellationToken);
        }
        foreach (var domainEvent in events)
        {
            await _dispatcher.DispatchAsync(domainEvent, cancellationToken);
        }
        return result;
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        ExecuteAsync(async ct => { await work(ct); return true; }, cancellationToken);

    private async Task SaveAllAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _contexts.Count; i++)
        {
            if (_contexts[i].ChangeTracker.HasChanges())
            {
                await _contexts[i].SaveChangesAsync(cancellationToken);
            }
        }
    }

    private async Task EndTransactionAsync()
    {
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(null);
        }
        _pendingEvents.Clear();
        _beforeCommit.Clear();
        _afterCommit.Clear();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
        _connection?.Dispose();
        _connection = null;
    }
}
