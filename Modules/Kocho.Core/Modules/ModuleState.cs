namespace Kocho.Core.Modules;

/// <summary>Row of the enabled-module set kept in the database.</summary>
public sealed class ModuleState
{
    public required string Id { get; set; }
    public bool Enabled { get; set; }
    public DateTime ChangedAt { get; set; }
}
