namespace Kocho.Privacy.Retention;

/// <summary>A resident account that was deleted: the purge erases what its cases still hold about the resident.</summary>
public sealed class ClosedAccount
{
    public string UserId { get; set; } = "";
    public DateTime ClosedAt { get; set; }
}
