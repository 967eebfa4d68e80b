namespace Kocho.Core.Mail;

/// <summary>Transport security towards the SMTP server.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise (MailKit's Auto).</summary>
    Auto,

    /// <summary>Plain text; only for a relay on the same host or network segment.</summary>
    None,

    /// <summary>STARTTLS required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
