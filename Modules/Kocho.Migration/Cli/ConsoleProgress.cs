namespace Kocho.Migration.Cli;

/// <summary>A progress bar on a terminal (redrawn in place); when the output is a file or a pipe, one plain line per finished file.</summary>
public sealed class ConsoleProgress(TextWriter output, bool interactive) : IProgress<(string File, int Done, int Total)>
{
    private const int Width = 30;
    private int _lastPercent = -1;

    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public void Report((string File, int Done, int Total) value)
    {
        var (file, done, total) = value;
        if (interactive && total > 0)
        {
            var percent = (int)(100L * done / total);
            if (percent != _lastPercent || done == total)
            {
                _lastPercent = percent;
                var filled = Width * percent / 100;
                output.Write($"\r{file} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {done}/{total}");
                if (done == total) { output.WriteLine(); _lastPercent = -1; }
            }
        }
        else if (done == total)
        {
            output.WriteLine($"{file}: {total} 件を書き込みました。");
        }
    }
}
