using Kocho.Core.Data;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Kocho.Core.Mail;

/// <summary>
/// The embedded default without SMTP: each mail becomes <c>&lt;DataPath&gt;/mail/&lt;Message-ID&gt;.eml</c>, written to a
/// temporary file and then moved into place, so a reader never sees half a mail and a retry replaces, not duplicates.
/// </summary>
public sealed class PickupFolderMailTransport(KochoOptions kocho, IHostEnvironment environment) : IMailTransport
{
    public string Folder { get; } = Path.Combine(kocho.FullDataPath(environment.ContentRootPath), "mail");

    public string Description => $"ピックアップフォルダ {Folder}";

    public Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailTransportSession>(new Session(Folder));
    }

    /// <summary>The Message-ID (as the outbox makes it: hex id @ domain) with anything a file name cannot hold replaced.</summary>
    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' ? '_' : c)) + ".eml";

    private sealed class Session(string folder) : IMailTransportSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var target = Path.Combine(folder, FileName(message.MessageId ?? throw new ArgumentException("A pickup mail needs its Message-ID.", nameof(message))));
            var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true))
                {
                    await message.WriteToAsync(stream, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
