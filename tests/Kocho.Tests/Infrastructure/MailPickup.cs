using System.Text.RegularExpressions;
using MimeKit;

namespace Kocho.Tests.Infrastructure;

/// <summary>Reads the mails the portal wrote to its pickup folder (no SMTP configured), as a resident's mailbox.</summary>
public sealed partial class MailPickup(string dataPath)
{
    public string Folder => Path.Combine(dataPath, "mail");

    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.GetFiles(Folder, "*.eml")
            .Select(f => (File: f, Message: MimeMessage.Load(f)))
            .Where(m => m.Message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
            .Select(m => m.Message)
            .ToList();
    }

    /// <summary>Waits for the sender to deliver a mail to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subject, int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var mails = To(address).Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true).ToList();
            if (mails.Count >= count) return mails[count - 1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail 「{subject}」 to {address} in {Folder}");
    }

    /// <summary>The first link in a mail's text, made relative to the site.</summary>
    public static string LinkIn(MimeMessage mail) =>
        new Uri(LinkPattern().Match(mail.TextBody ?? "").Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
