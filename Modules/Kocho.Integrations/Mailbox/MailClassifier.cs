using MimeKit;

namespace Kocho.Integrations.Mailbox;

/// <summary>
/// Auto-replies and bounces (RFC 3834 Auto-Submitted, X-Autoreply/X-Autorespond, Precedence, an empty Return-Path,
/// multipart/report delivery notices): they are not a resident's words and would answer our receipt mail in a loop.
/// </summary>
public static class MailClassifier
{
    /// <summary>Why <paramref name="message"/> is an automatic mail, or null for a mail a person wrote.</summary>
    public static string? AutomaticReason(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers["Auto-Submitted"] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return $"自動送信のメール（Auto-Submitted: {Short(submitted)}）";
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
            return "自動応答のメール（X-Autoreply/X-Autorespond）";
        if (headers["Precedence"] is { } precedence && precedence.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk")
            return $"自動応答・一斉配信のメール（Precedence: {Short(precedence)}）";
        if (headers["Return-Path"] is { } returnPath && returnPath.Trim() is "<>" or "")
            return "配信不能通知（Return-Path が空）";
        if (message.Body is MultipartReport report)
            return $"配信状況の通知（multipart/report; report-type={Short(report.ReportType ?? "")}）";
        if (message.From.Mailboxes.FirstOrDefault()?.LocalPart is { } local && local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase))
            return "配信不能通知（MAILER-DAEMON から）";
        return null;
    }

    private static string Short(string value) => value.Length > 40 ? value[..40] : value.Trim();
}
