using System.Text;
using System.Text.RegularExpressions;
using Kocho.Opinions.Intake;
using MimeKit;

namespace Kocho.Integrations.Mailbox;

/// <summary>
/// A resident's mail read for intake: sender, subject, text (the HTML part made plain when there is no text part),
/// the attachments the case may keep (images, PDF) and those it may not, and a 受付番号 the mail quotes.
/// </summary>
public sealed partial record MailContent(
    string? FromAddress,
    string? FromName,
    string Subject,
    string Body,
    IReadOnlyList<AttachmentUpload> Attachments,
    IReadOnlyList<string> Skipped,
    string? QuotedReceipt)
{
    public const string NoSubject = "（件名なし）";

    [GeneratedRegex(@"(?<![0-9])(20[0-9]{2}-[0-9]{6})(?![0-9])")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    [GeneratedRegex(@"<(br|/p|/div|/li|/tr)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    /// <summary>An HTML-only mail's text: line breaks where blocks end, tags removed, entities decoded.</summary>
    private static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Markup().Replace(LineBreaks().Replace(html, "\n"), ""));

    public static MailContent Read(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        // A NUL in a mail is never a resident's words, and PostgreSQL cannot store it in text: it is dropped.
        var subject = WithoutNul(message.Subject).Normalize(NormalizationForm.FormKC).Trim();
        if (subject.Length == 0) subject = NoSubject;
        if (subject.Length > IntakeCheck.SubjectMax) subject = subject[..(IntakeCheck.SubjectMax - 1)] + "…";

        var body = message.TextBody;
        if (string.IsNullOrWhiteSpace(body) && message.HtmlBody is { } html) body = PlainText(html);
        body = WithoutNul(body).Replace("\r\n", "\n").Trim();

        var kept = new List<AttachmentUpload>();
        var skipped = new List<string>();
        var index = 0;
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            index++;
            var name = Path.GetFileName(WithoutNul(part.FileName)) is { Length: > 0 } n ? n : $"添付{index}";
            if (name.Length > 200) name = name[^200..];
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var bytes = content.ToArray();
            if (bytes.Length == 0) skipped.Add($"{name}（空のファイル）");
            else if (bytes.Length > FileTypes.MaxBytes) skipped.Add($"{name}（10MBを超えています）");
            else if (FileTypes.Detect(bytes) is null) skipped.Add($"{name}（画像・PDF以外の形式）");
            else if (kept.Count >= FileTypes.MaxFiles) skipped.Add($"{name}（添付は{FileTypes.MaxFiles}件まで）");
            else kept.Add(new AttachmentUpload(name, bytes));
        }
        var quoted = ReceiptPattern().Match(subject) is { Success: true } s ? s.Groups[1].Value
            : ReceiptPattern().Match(body) is { Success: true } b ? b.Groups[1].Value : null;
        return new MailContent(from?.Address?.Trim(), from?.Name is { } fromName ? WithoutNul(fromName).Trim() : null, subject, body, kept, skipped, quoted);
    }

    private static string WithoutNul(string? text) => (text ?? "").Replace("\0", "", StringComparison.Ordinal);
}
