namespace Kocho.Core.Mail;

/// <summary>Where an outbox mail stands; stored by name.</summary>
public enum OutboxMailStatus
{
    /// <summary>Waiting for its next attempt (<see cref="OutboxMail.NextAttemptUtc"/>).</summary>
    Pending,

    /// <summary>Claimed by a sender whose lease has not run out.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder); never sent again.</summary>
    Sent,

    /// <summary>Given up after the last allowed attempt or a permanent refusal.</summary>
    Failed,
}
