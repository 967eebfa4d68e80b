using Kocho.Core.Cli;
using Kocho.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kocho.Core.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// The transactional outbox (<see cref="IMailOutbox"/>), its background sender, the transport chosen by
    /// <c>Kocho:Mail</c> (SMTP, or the pickup folder), the mail templates and the <c>mail</c> verb.
    /// </summary>
    public static IServiceCollection AddMailOutbox(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<IMailOutbox>(sp => sp.GetRequiredService<MailOutbox>());
        services.AddSingleton<MailSignal>();
        services.AddSingleton<IDomainEventHandler<MailEnqueued>>(sp => sp.GetRequiredService<MailSignal>());
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupFolderMailTransport>(sp));
        services.AddSingleton<MailDelivery>();
        services.AddHostedService<MailSender>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<ICliCommandProvider, MailCliCommands>();
        return services;
    }
}
