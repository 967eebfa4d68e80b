namespace Kocho.Tests.Infrastructure;

/// <summary>The checkout the tests were built from (for checks over source files).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kocho.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Kocho.sln not found above " + AppContext.BaseDirectory);
    }
}
