using Kocho.Core.Calendar;
using Kocho.Core.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kocho.Core.Mail;

/// <summary>
/// Claims due outbox mails under a lease, hands them to the transport and records each outcome at once.
/// Exactly once: a claim is one atomic statement (PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, SQLite's single writer),
/// so two senders never hold the same mail; a mail is marked sent right after the server accepted it and is never
/// claimed again. The one window left is a crash between the server's acceptance and that mark: the lease then runs
/// out and the mail is sent a second time, with the same Message-ID. Nodes' clocks must agree (NTP) to within
/// a small part of <see cref="MailOptions.Lease"/>.
/// </summary>
public sealed class MailDelivery(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailDelivery> logger)
{
    /// <summary>A send is abandoned this long before its lease runs out, so it never outlives the lease.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);


    /// <summary>Who holds a lease: this sender in this process (two hosts in one process are two senders).</summary>
    public string LockerId { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 200);

    public string TransportDescription => transport.Description;

    private MailOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends everything that is due, batch by batch; returns when the next mail falls due (null: none waiting).</summary>
    public async Task<DateTime?> DeliverDueAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
            var batch = await ClaimAsync(db, only: null);
            if (batch.Count == 0)
            {
                return await NextDueAsync(db, stoppingToken);
            }
            await SendAsync(db, batch, giveUpOnFailure: false, stoppingToken);
        }
        return null;
    }

    /// <summary>
    /// Tries one mail now (for <c>mail test</c>) and returns it as it is afterwards. When another sender holds it,
    /// nothing is done here. With <paramref name="giveUpOnFailure"/> a failed attempt is final.
    /// </summary>
    public async Task<OutboxMail?> DeliverAsync(Guid id, bool giveUpOnFailure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        var batch = await ClaimAsync(db, only: id);
        if (batch.Count > 0)
        {
            await SendAsync(db, batch, giveUpOnFailure, cancellationToken);
        }
        return await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>Deletes sent and failed mails older than <see cref="MailOptions.KeepDelivered"/>.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        var cutoff = Now - Options.KeepDelivered;
        return await db.Outbox
            .Where(m => (m.Status == OutboxMailStatus.Sent || m.Status == OutboxMailStatus.Failed) && m.CreatedUtc < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// One statement takes up to a batch of due mails (pending and due, or left "sending" by a sender whose lease ran
    /// out), counts the attempt and sets this sender's lease. Not cancellable: a claim that went through must be
    /// seen here, or its mails would wait for the lease to run out.
    /// </summary>
    private async Task<List<OutboxMail>> ClaimAsync(MailDbContext db, Guid? only)
    {
        var now = Now;
        var postgres = db.UnitOfWork.Provider == DatabaseProvider.Postgres;
        var sql = $$"""
            UPDATE core_mail_outbox
            SET "Status" = 'Sending', "LockedBy" = {0}, "LockedUntilUtc" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM core_mail_outbox
                WHERE (("Status" = 'Pending' AND "NextAttemptUtc" <= {2}) OR ("Status" = 'Sending' AND "LockedUntilUtc" <= {2}))
                {{(only is null ? "" : "AND \"Id\" = {4}")}}
                ORDER BY "NextAttemptUtc"
                LIMIT {3}
                {{(postgres ? "FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING *
            """;
        object[] parameters = only is { } id
            ? [LockerId, now + Options.Lease, now, Options.BatchSize, id]
            : [LockerId, now + Options.Lease, now, Options.BatchSize];
        var batch = await db.Outbox.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(CancellationToken.None);
        return [.. batch.OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)];
    }

    private async Task SendAsync(MailDbContext db, List<OutboxMail> batch, bool giveUpOnFailure, CancellationToken stoppingToken)
    {
        IMailTransportSession? session = null;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var mail = batch[i];
                var leaseLeft = mail.LockedUntilUtc!.Value - Now - LeaseMargin;
                if (stoppingToken.IsCancellationRequested || leaseLeft <= TimeSpan.Zero)
                {
                    // Shutting down (or the batch took too long): hand the rest back untried.
                    await ReleaseAsync(db, batch.Skip(i).Select(m => m.Id).ToList());
                    return;
                }
                // A send is bounded by the lease, not by shutdown: a graceful stop lets the current send finish
                // and record its outcome, so it never causes a second send.
                using var lease = new CancellationTokenSource(leaseLeft, clock);
                try
                {
                    session ??= await transport.OpenAsync(lease.Token);
                }
                catch (Exception ex)
                {
                    // No connection: every mail of the batch has had its attempt.
                    foreach (var rest in batch.Skip(i)) await RecordFailureAsync(db, rest, ex, giveUpOnFailure);
                    return;
                }
                try
                {
                    await session.SendAsync(ToMimeMessage(mail), lease.Token);
                }
                catch (Exception ex)
                {
                    await RecordFailureAsync(db, mail, ex, giveUpOnFailure);
                    // The connection's state is unknown after a failure: the next mail gets a fresh one.
                    await session.DisposeAsync();
                    session = null;
                    continue;
                }
                await MarkSentAsync(db, mail);
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
    }

    /// <summary>Right after the server's acceptance; retried briefly, since a lost mark means a second send later.</summary>
    private async Task MarkSentAsync(MailDbContext db, OutboxMail mail)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var now = Now;
                var marked = await Claimed(db, mail.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxMailStatus.Sent)
                    .SetProperty(m => m.SentUtc, now)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.TextBody, "")
                    .SetProperty(m => m.HtmlBody, (string?)null)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
                if (marked == 0)
                {
                    logger.LogWarning("Mail {MessageId} was sent after its lease ran out; another sender may have sent it as well", mail.MessageId);
                }
                else
                {
                    logger.LogInformation("Mail {MessageId} sent ({Transport}, attempt {Attempt})", mail.MessageId, transport.Description, mail.Attempts);
                }
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                logger.LogWarning(ex, "Could not mark mail {MessageId} as sent; trying again", mail.MessageId);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock);
            }
        }
    }

    private async Task RecordFailureAsync(MailDbContext db, OutboxMail mail, Exception exception, bool giveUpOnFailure)
    {
        var error = Describe(exception, mail.To);
        var permanent = giveUpOnFailure || mail.Attempts >= Options.MaxAttempts || IsPermanent(exception);
        var next = Now + RetryDelay(mail.Attempts);
        await Claimed(db, mail.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, permanent ? OutboxMailStatus.Failed : OutboxMailStatus.Pending)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
        if (permanent)
        {
            logger.LogWarning("Mail {MessageId} was given up after {Attempts} attempt(s): {Error}", mail.MessageId, mail.Attempts, error);
        }
        else
        {
            logger.LogInformation("Mail {MessageId} attempt {Attempts} failed, next at {Next:u}: {Error}", mail.MessageId, mail.Attempts, next, error);
        }
    }

    private async Task ReleaseAsync(MailDbContext db, List<Guid> ids)
    {
        await db.Outbox.Where(m => ids.Contains(m.Id) && m.LockedBy == LockerId && m.Status == OutboxMailStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxMailStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>The mail, as long as this sender still holds it.</summary>
    private IQueryable<OutboxMail> Claimed(MailDbContext db, Guid id) =>
        db.Outbox.Where(m => m.Id == id && m.LockedBy == LockerId && m.Status == OutboxMailStatus.Sending);

    private async Task<DateTime?> NextDueAsync(MailDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.Outbox.Where(m => m.Status == OutboxMailStatus.Pending)
            .MinAsync(m => (DateTime?)m.NextAttemptUtc, cancellationToken);
        var leased = await db.Outbox.Where(m => m.Status == OutboxMailStatus.Sending)
            .MinAsync(m => m.LockedUntilUtc, cancellationToken);
        DateTime? next = pending is null ? leased : leased is null ? pending : pending < leased ? pending : leased;
        return next is { } n ? DateTime.SpecifyKind(n, DateTimeKind.Utc) : null;
    }

    /// <summary>1st retry after <see cref="MailOptions.FirstRetryDelay"/>, then doubling, capped at <see cref="MailOptions.MaxRetryDelay"/>.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var ticks = Options.FirstRetryDelay.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 40));
        return ticks >= Options.MaxRetryDelay.Ticks ? Options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The server refused this recipient for good (5xx): retrying cannot help.</summary>
    private static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused && (int)refused.StatusCode >= 500;

    /// <summary>What went wrong, short and without the recipient's address (the log and the table are not a copy of it).</summary>
    private static string Describe(Exception exception, string to)
    {
        var message = exception is OperationCanceledException
            ? "the send did not finish within its lease"
            : exception.Message;
        var text = $"{exception.GetType().Name}: {message}".Replace(to, "<recipient>", StringComparison.OrdinalIgnoreCase).ReplaceLineEndings(" ");
        return Truncate(text, OutboxMail.MaxErrorLength);
    }

    private MimeMessage ToMimeMessage(OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Options.EffectiveFromName, Options.EffectiveFrom));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedUtc, DateTimeKind.Utc)).ToOffset(JapanTime.Offset);
        message.MessageId = mail.MessageId;
        // A system mail: auto-responders must not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        // UTF-8 in base64/quoted-printable: the same bytes through any relay and in the pickup folder.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
