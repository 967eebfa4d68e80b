namespace Kocho.Core.Data;

/// <summary>The <c>Kocho</c> configuration section: where data lives and which database holds it.</summary>
public sealed class KochoOptions
{
    public const string Section = "Kocho";

    /// <summary>Holds the SQLite database, search indexes and the mail pickup folder (keys live in the database).</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    public string FullDataPath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataPath) ? DataPath : Path.Combine(contentRoot, DataPath));
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
