namespace Kocho.Core.Data;

/// <summary>Each module keeps its own migrations history table, so modules migrate independently.</summary>
public static class MigrationsHistoryTable
{
    public static string For(string moduleId) => "__migrations_" + moduleId.Replace('.', '_').ToLowerInvariant();
}
