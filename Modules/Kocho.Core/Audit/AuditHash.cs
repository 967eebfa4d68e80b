using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kocho.Core.Audit;

/// <summary>
/// The hash chain: SHA-256 over a canonical serialization of a record's fields and its predecessor's hash.
/// Every field is written as a 4-byte big-endian length and its UTF-8 bytes (null as length 0xFFFFFFFF), so no two
/// different records serialize alike ("ab"+"c" ≠ "a"+"bc", null ≠ ""). Changing this format breaks every stored chain.
/// </summary>
public static class AuditHash
{
    /// <summary>What the first record chains to.</summary>
    public static readonly string Genesis = new('0', AuditRecord.HashLength);

    private const string FormatTag = "kocho.audit.v1";

    public static string Compute(AuditRecord record)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, FormatTag);
        Append(hash, record.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(hash, FormatTime(record.OccurredAt));
        Append(hash, record.ActorKind);
        Append(hash, record.ActorId);
        Append(hash, record.ActorName);
        Append(hash, record.IpAddress);
        Append(hash, record.Action);
        Append(hash, record.EntityType);
        Append(hash, record.EntityId);
        Append(hash, record.Details);
        Append(hash, record.PreviousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Instants are kept to the microsecond: PostgreSQL stores no finer, and the hash must survive a round trip.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    private static string FormatTime(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            hash.AppendData(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
