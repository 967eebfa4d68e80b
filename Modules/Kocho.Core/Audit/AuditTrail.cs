using System.Data;
using System.Data.Common;
using Kocho.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Audit;

/// <summary>
/// Appends to the audit trail: who (the request's user, the CLI's OS user or the system), when, from which IP.
/// Inside an open unit of work the record commits or rolls back with the change it describes; otherwise it is
/// written in a transaction of its own. Appends are serialized so that the chain never forks: PostgreSQL takes a
/// transaction-scoped advisory lock, SQLite holds its write lock from <c>BEGIN IMMEDIATE</c> on; only then is the
/// last record read. Inside a unit of work the lock is held until it commits, so keep audited transactions short.
/// </summary>
public sealed class AuditTrail(
    AuditDbContext db,
    UnitOfWork unitOfWork,
    IHttpContextAccessor http,
    AmbientAuditActor ambient,
    TimeProvider clock) : IAuditTrail
{
    /// <summary>The advisory lock that serializes appends on PostgreSQL (any fixed number; "KochoAud" in ASCII).</summary>
    public const long PostgresLockKey = 0x4B6F63686F417564;

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        RecordAsync(entry, CurrentActor(), cancellationToken);

    public async Task RecordAsync(AuditEntry entry, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.EntityType);
        if (entry.Action.Length > AuditRecord.ActionLength || entry.EntityType.Length > AuditRecord.EntityTypeLength)
        {
            throw new ArgumentException("Audit action and entity type are short codes.", nameof(entry));
        }
        var record = new AuditRecord
        {
            ActorKind = actor.Kind,
            ActorId = Clean(actor.Id, AuditRecord.ActorIdLength),
            ActorName = Clean(actor.Name, AuditRecord.ActorNameLength) ?? "",
            IpAddress = RemoteIp(),
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = Clean(entry.EntityId, AuditRecord.EntityIdLength),
            Details = Clean(entry.Details, AuditRecord.DetailsLength),
        };
        if (unitOfWork.InTransaction)
        {
            await AppendAsync(record, cancellationToken);
            return;
        }
        var connection = unitOfWork.Connection;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        await using var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        try
        {
            await AppendAsync(record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
        }
    }

    /// <summary>Runs inside a transaction: take the lock, read the tail, chain to it, insert.</summary>
    private async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (unitOfWork.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }
        // SQLite: the unit of work's and our own transactions begin IMMEDIATE, so this connection already holds the write lock.
        var tail = await db.Records.AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        record.Sequence = (tail?.Sequence ?? 0) + 1;
        record.PreviousHash = tail?.Hash ?? AuditHash.Genesis;
        record.OccurredAt = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        record.Hash = AuditHash.Compute(record);
        db.Records.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }
    }

    private static async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false) // BEGIN IMMEDIATE: the write lock before the tail is read
            : await connection.BeginTransactionAsync(cancellationToken);

    private AuditActor CurrentActor()
    {
        if (http.HttpContext is { } context) return AuditActor.FromPrincipal(context.User);
        return ambient.Actor ?? AuditActor.System;
    }

    private string? RemoteIp()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.ToString();
    }

    /// <summary>PostgreSQL refuses NUL in text; over-long values are cut to their column.</summary>
    private static string? Clean(string? value, int maxLength)
    {
        if (value is null) return null;
        value = value.Replace('\0', '\uFFFD');
        if (value.Length <= maxLength) return value;
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..cut];
    }
}
