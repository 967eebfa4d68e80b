namespace Kocho.Core.Audit;

/// <summary>
/// What happened, to what: e.g. <c>new("user.signin.failed", "User", login)</c>. Who, when and from where
/// are filled in by the audit trail from the current request (or the CLI).
/// </summary>
public sealed record AuditEntry(string Action, string EntityType, string? EntityId = null, string? Details = null);
