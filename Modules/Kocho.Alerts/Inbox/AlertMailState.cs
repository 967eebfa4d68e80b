namespace Kocho.Alerts.Inbox;

/// <summary>What happened to an alert's mail: none, mailed on its own, waiting for the digest, or sent in a digest.</summary>
public enum AlertMailState
{
    None = 1,
    Mailed = 2,
    DigestPending = 3,
    Digested = 4,
}
