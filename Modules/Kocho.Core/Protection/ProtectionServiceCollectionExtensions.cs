using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Protection;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>The application name every node shares: it isolates Kocho's keys and payloads from other apps.</summary>
    public const string ApplicationName = "Kocho";

    /// <summary>
    /// Data Protection for the whole host (cookies, antiforgery, personal data): the key ring lives in the
    /// database (<see cref="KeysDbContext"/>, Kocho.Core's feature "Keys"), so every node shares it; keys are
    /// encrypted by the certificate from <c>Kocho:DataProtection</c> when one is set, and rotate after
    /// <see cref="DataProtectionSettings.KeyLifetimeDays"/>.
    /// </summary>
    public static IServiceCollection AddKochoDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        if (settings.KeyLifetimeDays < 7)
        {
            throw new InvalidOperationException("Kocho:DataProtection:KeyLifetimeDays must be at least 7.");
        }
        services.AddSingleton(settings);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<KeysDbContext>()
            .SetDefaultKeyLifetime(TimeSpan.FromDays(settings.KeyLifetimeDays));
        if (LoadCertificate(settings) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }

    /// <summary>The personal-data protector on top of Data Protection, and the upkeep of the shared key ring.</summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<LookupKeyStore>();
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddSingleton<KeyRingMaintenance>();
        services.AddHostedService<KeyRotationService>();
        return services;
    }

    private static X509Certificate2? LoadCertificate(DataProtectionSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath)) return null;
        if (!File.Exists(settings.CertificatePath))
        {
            throw new InvalidOperationException($"Kocho:DataProtection:CertificatePath: the file {settings.CertificatePath} does not exist.");
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Kocho:DataProtection:CertificatePath: {settings.CertificatePath} has no private key, so keys protected with it could not be read back.");
        }
        return certificate;
    }
}
