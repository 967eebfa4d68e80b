using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Audit;

/// <summary>
/// The audit trail is a hash chain: <c>audit verify</c> passes on an intact trail and names the first record that was
/// altered, removed or reordered directly in the database; concurrent appends never fork it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditChainTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Setup_is_recorded_under_the_OS_user_who_ran_it_and_the_trail_verifies()
    {
        var records = await RecordsAsync();
        var grant = Assert.Single(records, r => r.Action == "role.permission.granted" && r.EntityId == "Administrator" && r.Details == Kocho.Core.Permissions.ViewAuditTrailName);
        Assert.Equal(("cli", "cli:" + Environment.UserName), (grant.ActorKind, grant.ActorName));
        Assert.Contains(records, r => r.Action == "module.enabled" && r.EntityType == "Module" && r.EntityId == "Kocho.Faq");
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));

        var (code, output, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.True(code == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal($"監査証跡は改ざんされていません（{records.Count} 件）。", lines[0].Trim());
        Assert.Equal($"最新の記録 #{records.Count} のハッシュ: {records[^1].Hash}", lines[1].Trim());
    }

    [Fact]
    public async Task Many_requests_appending_at_once_leave_one_unbroken_chain()
    {
        var before = (await RecordsAsync()).Count;
        const int writers = 40;

        // Half append in a transaction of their own, half inside a unit of work as a page changing data would.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            var entry = new AuditEntry("test.concurrent", "Test", i.ToString());
            if (i % 2 == 0)
            {
                await audit.RecordAsync(entry);
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(ct => audit.RecordAsync(entry, ct));
            }
        })));

        var records = await RecordsAsync();
        Assert.Equal(before + writers, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(writers, records.Where(r => r.Action == "test.concurrent").Select(r => r.EntityId).Distinct().Count());
        Assert.Equal(records.Count, records.Select(r => r.PreviousHash).Distinct().Count()); // no two records share a predecessor
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(records.Count, verification.Count);
    }

    [Fact]
    public async Task A_record_made_in_a_unit_of_work_that_rolls_back_is_gone_and_leaves_no_gap()
    {
        var before = (await RecordsAsync()).Count;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => unitOfWork.ExecuteAsync(async ct =>
            {
                await audit.RecordAsync(new AuditEntry("test.abandoned", "Test", "1"), ct);
                throw new InvalidOperationException("the change failed");
            }));
            await audit.RecordAsync(new AuditEntry("test.kept", "Test", "2"));
        }

        var records = await RecordsAsync();
        Assert.DoesNotContain(records, r => r.Action == "test.abandoned");
        Assert.Equal(before + 1, records[^1].Sequence);
        Assert.Equal("test.kept", records[^1].Action);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_field_altered_in_the_database_is_named_by_audit_verify()
    {
        var target = (await RecordsAsync())[5];
        await ExecuteSqlAsync($"UPDATE core_audit_records SET \"Details\" = 'altered:' || COALESCE(\"Details\", '') WHERE \"Sequence\" = {target.Sequence}");

        var (code, output, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"監査証跡の記録 #{target.Sequence} が改ざんされています（ハッシュが一致しません）。", error.Trim());
    }

    [Fact]
    public async Task An_actor_rewritten_together_with_its_own_hash_breaks_the_link_to_the_next_record()
    {
        var records = await RecordsAsync();
        var target = records[3];
        var forged = new AuditRecord
        {
            Sequence = target.Sequence, OccurredAt = target.OccurredAt, ActorKind = target.ActorKind, ActorId = target.ActorId,
            ActorName = "someone else", IpAddress = target.IpAddress, Action = target.Action, EntityType = target.EntityType,
            EntityId = target.EntityId, Details = target.Details, PreviousHash = target.PreviousHash,
        };
        await ExecuteSqlAsync($"UPDATE core_audit_records SET \"ActorName\" = 'someone else', \"Hash\" = '{AuditHash.Compute(forged)}' WHERE \"Sequence\" = {target.Sequence}");

        var (code, _, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.Equal(1, code);
        Assert.Equal($"監査証跡の記録 #{target.Sequence + 1} が改ざんされています（直前の記録のハッシュとつながっていません）。", error.Trim());
    }

    [Fact]
    public async Task A_record_deleted_from_the_middle_is_detected_at_the_one_after_it()
    {
        var records = await RecordsAsync();
        var target = records[records.Count / 2];
        await ExecuteSqlAsync($"DELETE FROM core_audit_records WHERE \"Sequence\" = {target.Sequence}");

        var (code, _, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.Equal(1, code);
        Assert.Equal($"監査証跡の記録 #{target.Sequence + 1} が改ざんされています（直前の記録 #{target.Sequence} がありません）。", error.Trim());
    }

    [Fact]
    public async Task Hashes_swapped_between_two_records_are_detected_at_the_first_of_them()
    {
        var records = await RecordsAsync();
        var (first, second) = (records[2], records[3]);
        await ExecuteSqlAsync(
            $"UPDATE core_audit_records SET \"Hash\" = '{second.Hash}', \"PreviousHash\" = '{second.PreviousHash}' WHERE \"Sequence\" = {first.Sequence}",
            $"UPDATE core_audit_records SET \"Hash\" = '{first.Hash}', \"PreviousHash\" = '{first.PreviousHash}' WHERE \"Sequence\" = {second.Sequence}");

        var (code, _, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.Equal(1, code);
        Assert.Equal($"監査証跡の記録 #{first.Sequence} が改ざんされています（直前の記録のハッシュとつながっていません）。", error.Trim());
    }

    [Fact]
    public async Task Two_records_swapped_in_order_are_detected()
    {
        var records = await RecordsAsync();
        var (first, second) = (records[6], records[7]);
        await ExecuteSqlAsync(
            $"UPDATE core_audit_records SET \"Sequence\" = -1 WHERE \"Sequence\" = {first.Sequence}",
            $"UPDATE core_audit_records SET \"Sequence\" = {first.Sequence} WHERE \"Sequence\" = {second.Sequence}",
            $"UPDATE core_audit_records SET \"Sequence\" = {second.Sequence} WHERE \"Sequence\" = -1");

        var (code, _, error) = await _host.RunVerbAsync("audit", "verify");

        Assert.Equal(1, code);
        Assert.Equal($"監査証跡の記録 #{first.Sequence} が改ざんされています（直前の記録のハッシュとつながっていません）。", error.Trim());
    }

    [Fact]
    public async Task The_trail_refuses_to_change_a_stored_record_through_the_application()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var record = await db.Records.OrderBy(r => r.Sequence).FirstAsync();
        record.Details = "rewritten";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", refused.Message);
    }

    private async Task<List<AuditRecord>> RecordsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync();
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    /// <summary>What someone with direct access to the database could do, outside Kocho.</summary>
    private async Task ExecuteSqlAsync(params string[] statements)
    {
        await using var connection = _host.Service<DatabaseConnectionFactory>().CreateConnection();
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }
}
