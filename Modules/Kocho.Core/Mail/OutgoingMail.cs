namespace Kocho.Core.Mail;

/// <summary>A mail to send: plain text (Japanese), optionally with an HTML alternative.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null);
