namespace Kocho.Core.Audit;

/// <summary>
/// Who acts in a service scope that has no HTTP request: the CLI runner marks its scopes as <c>cli:&lt;OS user&gt;</c>;
/// anything else (background work) is the system.
/// </summary>
public sealed class AmbientAuditActor
{
    public AuditActor? Actor { get; set; }
}
