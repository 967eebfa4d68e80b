namespace Kocho.Migration.Import;

/// <summary>Rows written per file, and rows already there from an earlier run (found by their legacy keys).</summary>
public sealed record LegacyImportResult(IReadOnlyDictionary<string, (int Added, int Existing)> Files)
{
    public int Added => Files.Values.Sum(f => f.Added);
}
