namespace Kocho.Privacy.Retention;

/// <summary><c>Kocho:Privacy:Schedule</c> (whether this node takes part in the nightly purge) and <c>…:PurgeAt</c> (JST).</summary>
public sealed class PurgeOptions
{
    public const string Section = "Kocho:Privacy";

    public bool Schedule { get; set; } = true;
    public TimeOnly PurgeAt { get; set; } = new(2, 0);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}
