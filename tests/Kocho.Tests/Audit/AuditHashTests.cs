using Kocho.Core.Calendar;
using Kocho.Core.Audit;
using Xunit;

namespace Kocho.Tests.Audit;

/// <summary>The chain's hash covers every field, in a serialization where no two different records look alike.</summary>
public sealed class AuditHashTests
{
    private static AuditRecord Sample() => new()
    {
        Sequence = 42,
        OccurredAt = new DateTime(2026, 4, 1, 0, 30, 15, DateTimeKind.Utc).AddTicks(1234560),
        ActorKind = AuditActor.StaffKind,
        ActorId = "3f2c",
        ActorName = "新宿 一郎 (clerk01)",
        IpAddress = "192.0.2.10",
        Action = "staff.signin.succeeded",
        EntityType = "StaffLogin",
        EntityId = "clerk01",
        Details = null,
        PreviousHash = AuditHash.Genesis,
    };

    [Fact]
    public void The_format_is_pinned_so_stored_chains_stay_verifiable()
    {
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000000", AuditHash.Genesis);
        Assert.Equal(KnownHash, AuditHash.Compute(Sample()));
    }

    /// <summary>Computed independently (Python, from the format in AuditHash's summary) for <see cref="Sample"/>.</summary>
    private const string KnownHash = "738809e05fef8a60085241436917514d0f64f67c2441f42546d21cada6dc79fc";

    [Fact]
    public void Every_field_changes_the_hash()
    {
        var original = AuditHash.Compute(Sample());
        var variants = new Action<AuditRecord>[]
        {
            r => r.Sequence = 43,
            r => r.OccurredAt = r.OccurredAt.AddTicks(10),
            r => r.ActorKind = AuditActor.CliKind,
            r => r.ActorId = "3f2d",
            r => r.ActorName = "新宿 二郎 (clerk01)",
            r => r.IpAddress = "192.0.2.11",
            r => r.Action = "staff.signin.failed",
            r => r.EntityType = "User",
            r => r.EntityId = "clerk02",
            r => r.Details = "reason=wrong-password",
            r => r.PreviousHash = new string('1', 64),
        };
        Assert.Equal(typeof(AuditRecord).GetProperties().Length - 1, variants.Length); // every field but the hash itself
        foreach (var change in variants)
        {
            var record = Sample();
            change(record);
            Assert.NotEqual(original, AuditHash.Compute(record));
        }
    }

    [Fact]
    public void Moving_text_across_a_field_boundary_or_emptying_a_null_changes_the_hash()
    {
        var a = Sample(); a.EntityType = "Staff"; a.EntityId = "Loginclerk01";
        var b = Sample(); b.EntityType = "StaffLogin"; b.EntityId = "clerk01";
        Assert.NotEqual(AuditHash.Compute(a), AuditHash.Compute(b));

        var withNull = Sample(); withNull.Details = null;
        var withEmpty = Sample(); withEmpty.Details = "";
        Assert.NotEqual(AuditHash.Compute(withNull), AuditHash.Compute(withEmpty));
    }

    [Fact]
    public void Instants_are_kept_to_the_microsecond_that_both_engines_store()
    {
        var instant = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234560), AuditHash.Truncate(instant));
    }

    [Fact]
    public void A_JST_date_starts_at_15_00_UTC_the_day_before()
    {
        Assert.Equal(new DateTime(2026, 3, 31, 15, 0, 0, DateTimeKind.Utc), JapanTime.StartOfDayUtc(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateTime(2026, 4, 1, 8, 59, 0), JapanTime.ToJst(new DateTime(2026, 3, 31, 23, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_staff_actor_is_named_with_name_and_login_and_a_resident_by_id_only()
    {
        Assert.Equal("新宿 一郎 (clerk01)", AuditActor.Staff("u1", "clerk01", "新宿 一郎").Name);
        Assert.Equal("clerk01", AuditActor.Staff("u1", "clerk01", "").Name);
        var resident = AuditActor.Resident("r9");
        Assert.Equal(("resident", "r9", ""), (resident.Kind, resident.Id, resident.Name));
        Assert.Equal("cli:kocho", AuditActor.Cli("kocho").Name);
    }
}
