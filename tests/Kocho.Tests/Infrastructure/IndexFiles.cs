namespace Kocho.Tests.Infrastructure;

/// <summary>
/// The bytes of every file of a search index folder that a node's follower may be rewriting at the same moment: when a
/// listed file is gone before it is read (a merge replaced it), the folder is listed and read again, so the scan never
/// misses the segment that took its contents over.
/// </summary>
public static class IndexFiles
{
    public static List<byte[]> ReadAll(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Directory.GetFiles(folder).Select(File.ReadAllBytes).ToList();
            }
            catch (Exception ex) when (ex is FileNotFoundException && attempt < 20)
            {
                Thread.Sleep(50);
            }
        }
    }
}
