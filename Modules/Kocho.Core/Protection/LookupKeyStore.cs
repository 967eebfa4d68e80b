using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Protection;

/// <summary>
/// The secret behind the look-up hashes: created once for the whole site (every node reads the same row),
/// kept encrypted by Data Protection, held in memory once read. It never rotates, because every stored
/// look-up hash depends on it; Data Protection keeps the old key that encrypts it.
/// </summary>
public sealed class LookupKeyStore(IServiceScopeFactory scopes, IDataProtectionProvider provider, TimeProvider clock)
{
    public const string CurrentId = "lookup.v1";
    private const string Purpose = "Kocho.PersonalData.LookupKey.v1";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    /// <summary>
    /// The secret. <see cref="EnsureAsync"/> runs at start (SiteSetup.MigrateAsync), so this only reads
    /// memory; reading it before start loads (or creates) it on the spot.
    /// </summary>
    public byte[] Secret => _secret ?? EnsureAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads the secret, creating it on first use; a node that loses the race reads the winner's.</summary>
    public async Task<byte[]> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_secret is { } known) return known;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_secret is { } loaded) return loaded;
            var protector = provider.CreateProtector(Purpose);
            // Its own scope, so its own unit of work: the secret is committed whatever the caller's transaction does.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeysDbContext>();
            var row = await db.LookupKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == CurrentId, cancellationToken);
            if (row is null)
            {
                var secret = RandomNumberGenerator.GetBytes(32);
                db.LookupKeys.Add(new LookupKey
                {
                    Id = CurrentId,
                    ProtectedSecret = Base64Url.EncodeToString(protector.Protect(secret)),
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return _secret = secret;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    row = await db.LookupKeys.AsNoTracking().FirstAsync(k => k.Id == CurrentId, cancellationToken);
                }
            }
            return _secret = protector.Unprotect(Base64Url.DecodeFromChars(row.ProtectedSecret));
        }
        finally
        {
            _gate.Release();
        }
    }
}
