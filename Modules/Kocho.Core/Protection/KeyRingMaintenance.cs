using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Protection;

/// <summary>
/// Keeps the shared key ring ready before any request and rotates it ahead of time. Data Protection would
/// create a missing key by itself, but lazily, in whichever call first needs one; on SQLite that call may be
/// a request holding the write lock, and the key (written through its own scope and connection) would wait
/// on it. So the first key and the lookup secret are made at start, and each successor key days before the
/// current one expires, outside any request.
/// </summary>
public sealed class KeyRingMaintenance(
    IKeyManager keyManager,
    LookupKeyStore lookupKeys,
    DataProtectionSettings settings,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<KeyRingMaintenance> logger)
{
    /// <summary>A successor key is made when no key is valid beyond this.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(14);

    /// <summary>A successor becomes current only after every node has reloaded the ring (Data Protection refreshes it daily).</summary>
    public static readonly TimeSpan PropagationLead = TimeSpan.FromDays(3);

    private int _warned;

    /// <summary>Called at start, after the schema is migrated: a current key, its successor when due, and the lookup secret.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath) && environment.IsProduction() && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning(
                "Data Protection keys are stored in the database WITHOUT encryption: set Kocho:DataProtection:CertificatePath " +
                "(a PFX file with its private key) and Kocho:DataProtection:CertificatePassword to protect them with a certificate.");
        }
        RotateIfDue();
        await lookupKeys.EnsureAsync(cancellationToken);
    }

    /// <summary>Creates the first key, or the successor of a key that expires within <see cref="RenewalMargin"/>.</summary>
    public void RotateIfDue()
    {
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromDays(settings.KeyLifetimeDays);
        var keys = keyManager.GetAllKeys().Where(k => !k.IsRevoked).ToList();
        var current = keys.Where(k => k.ActivationDate <= now && k.ExpirationDate > now).MaxBy(k => k.ActivationDate);
        if (current is null)
        {
            var key = keyManager.CreateNewKey(now, now + lifetime);
            logger.LogInformation("Data Protection key {KeyId} created, valid until {Expiration:u}", key.KeyId, key.ExpirationDate);
            return;
        }
        if (keys.Any(k => k.ExpirationDate > now + RenewalMargin)) return;
        var activation = now + PropagationLead < current.ExpirationDate ? now + PropagationLead : now;
        var successor = keyManager.CreateNewKey(activation, activation + lifetime);
        logger.LogInformation("Data Protection key {KeyId} created to succeed {Current} from {Activation:u}", successor.KeyId, current.KeyId, activation);
    }
}
