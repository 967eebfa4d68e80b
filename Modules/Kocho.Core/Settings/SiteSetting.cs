namespace Kocho.Core.Settings;

/// <summary>A site setting: a dotted key and its JSON value (set by recipes and the staff pages).</summary>
public sealed class SiteSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
