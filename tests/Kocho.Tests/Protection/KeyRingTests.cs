using System.Data.Common;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Kocho.Tests.Protection;

/// <summary>
/// The Data Protection key ring lives in the database, so a second portal on the same database (another
/// node, or the CLI) reads what the first one protected; in production a certificate encrypts the keys.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KeyRingTests
{
    private const string NoCertificateWarning = "Data Protection keys are stored in the database WITHOUT encryption";

    [Fact]
    public async Task A_second_portal_on_the_same_database_reads_what_the_first_protected()
    {
        await using var host = await PortalHost.StartAsync();
        var protectedPhone = host.Service<IPersonalDataProtector>().Protect("03-3209-1111");
        var hash = host.Service<IPersonalDataProtector>().LookupHash(LookupPurpose.Phone, "0332091111");

        await using (var secondNode = host.Build())
        {
            var protector = secondNode.Services.GetRequiredService<IPersonalDataProtector>();
            Assert.Equal("03-3209-1111", protector.Unprotect(protectedPhone));
            Assert.Equal(hash, protector.LookupHash(LookupPurpose.Phone, "0332091111"));
        }

        Assert.False(Directory.Exists(Path.Combine(host.DataPath, "keys")), "keys must not be written to the data folder");
        var keys = await StoredKeysAsync(host);
        Assert.NotEmpty(keys);
        Assert.Equal(1L, await ScalarAsync(host, "SELECT COUNT(*) FROM core_lookup_keys"));
    }

    [Fact]
    public async Task In_production_without_a_certificate_one_clear_warning_is_logged()
    {
        await using var host = await PortalHost.StartAsync("shinjuku", "--environment=Production");

        var warnings = host.Log.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains(NoCertificateWarning)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("Kocho:DataProtection:CertificatePath", warning.Message);
        Assert.Contains(await StoredKeysAsync(host), xml => xml.Contains("<value>"));
    }

    [Fact]
    public async Task With_a_certificate_from_settings_keys_are_stored_encrypted_and_still_work()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"kocho-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, SelfSignedCertificate("CN=Kocho Data Protection (test)", "pfx-pass-2026"));
        try
        {
            await using var host = await PortalHost.StartAsync("shinjuku", "--environment=Production",
                $"--Kocho:DataProtection:CertificatePath={pfx}", "--Kocho:DataProtection:CertificatePassword=pfx-pass-2026");

            Assert.DoesNotContain(host.Log.Entries, e => e.Message.Contains(NoCertificateWarning));
            var keys = await StoredKeysAsync(host);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<value>", xml);
            });
            var protectedValue = host.Service<IPersonalDataProtector>().Protect("hanako.koseki@city.shinjuku.lg.jp");
            await using var secondNode = host.Build();
            Assert.Equal("hanako.koseki@city.shinjuku.lg.jp", secondNode.Services.GetRequiredService<IPersonalDataProtector>().Unprotect(protectedValue));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Two_weeks_before_the_key_expires_a_successor_is_made_once_to_take_over_three_days_later()
    {
        await using var host = await PortalHost.StartAsync();
        var keyManager = host.Service<IKeyManager>();
        var current = Assert.Single(keyManager.GetAllKeys());
        Assert.Equal(90, (current.ExpirationDate - current.ActivationDate).TotalDays, precision: 3);

        Maintenance(host, current.ExpirationDate.AddDays(-20)).RotateIfDue();
        Assert.Single(keyManager.GetAllKeys());

        var due = current.ExpirationDate.AddDays(-13);
        Maintenance(host, due).RotateIfDue();
        Maintenance(host, due + KeyRotationService.Interval).RotateIfDue();

        var successor = Assert.Single(keyManager.GetAllKeys(), k => k.KeyId != current.KeyId);
        Assert.Equal(due.AddDays(3), successor.ActivationDate, TimeSpan.FromSeconds(1));
        Assert.Equal(due.AddDays(3 + 90), successor.ExpirationDate, TimeSpan.FromSeconds(1));
        Assert.False(current.IsRevoked);
    }

    /// <summary>The portal's key ring upkeep, as it would run on a given day.</summary>
    private static KeyRingMaintenance Maintenance(PortalHost host, DateTimeOffset now) => new(
        host.Service<IKeyManager>(), host.Service<LookupKeyStore>(), host.Service<DataProtectionSettings>(),
        host.Service<IHostEnvironment>(), new FixedClock(now), NullLogger<KeyRingMaintenance>.Instance);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static byte[] SelfSignedCertificate(string subject, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    private static async Task<List<string>> StoredKeysAsync(PortalHost host)
    {
        await using var connection = await OpenAsync(host);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM core_data_protection_keys";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    private static async Task<long> ScalarAsync(PortalHost host, string sql)
    {
        await using var connection = await OpenAsync(host);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<DbConnection> OpenAsync(PortalHost host)
    {
        var connection = host.Service<DatabaseConnectionFactory>().CreateConnection();
        await connection.OpenAsync();
        return connection;
    }
}
