namespace Kocho.Core.Mail;

/// <summary><c>Kocho:Mail:Smtp</c>: the relay the outbox hands mail to (MailKit).</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP, mails go to the pickup folder.</summary>
    public string? Host { get; set; }

    /// <summary>0 = the usual port for <see cref="Security"/> (465 for SslOnConnect, 25 for None, 587 otherwise).</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Empty: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>Display name of the sender, e.g. 新宿区 広聴担当課.</summary>
    public string? FromName { get; set; }

    /// <summary>Per SMTP operation (connect, each command).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}
