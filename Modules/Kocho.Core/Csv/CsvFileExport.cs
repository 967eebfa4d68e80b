using System.Globalization;
using System.Text;
using Kocho.Core.Calendar;
using Kocho.Core.Cli;

namespace Kocho.Core.Csv;

/// <summary>
/// What every CSV export verb shares: <c>--encoding</c>, dates, the reason a personal-data export needs and a file name that
/// carries the exporter and the time (特記事項 8), the file write with its IO errors as one Japanese line, the row count and
/// the warning counting characters Shift_JIS could not hold.
/// </summary>
public static class CsvFileExport
{
    public const int ReasonMaxLength = 200;

    /// <summary>True for Shift_JIS (CP932), false for UTF-8 with BOM (the default).</summary>
    public static bool IsShiftJis(string? encoding) => (encoding ?? "utf-8").Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => false,
        "shift_jis" or "shift-jis" or "sjis" or "cp932" => true,
        var other => throw new CliException($"文字コード「{other}」は使えません。utf-8 または shift_jis を指定してください。"),
    };

    public static DateOnly? ParseDate(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} の日付「{value}」が正しくありません。YYYY-MM-DD の形で指定してください。");
    }

    /// <summary>The reason for a personal-data export (required), or null for one without personal data.</summary>
    public static string? Reason(string? reason, bool personalData)
    {
        if (!personalData) return null;
        var text = reason?.Normalize(NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(text)) throw new CliException("個人情報を含む出力には、出力する理由を --reason で指定してください。");
        if (text.Length > ReasonMaxLength) throw new CliException($"理由は {ReasonMaxLength} 文字以内で指定してください。");
        return text;
    }

    /// <summary>
    /// A personal-data export's file name carries who exported it and when (JST), e.g. <c>cases_admin_20261201-0930.csv</c>;
    /// given a folder, the file is named after <paramref name="name"/> inside it.
    /// </summary>
    public static string FileName(string name, string exporter, DateTimeOffset at) =>
        $"{name}_{Safe(exporter)}_{JapanTime.ToJst(at.UtcDateTime):yyyyMMdd-HHmmss}.csv";

    public static string PathFor(string path, string name, bool personalData, string exporter, DateTimeOffset at)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Path.Combine(full, FileName(name, exporter, at));
        if (!personalData) return full;
        var folder = Path.GetDirectoryName(full) ?? "";
        return Path.Combine(folder, FileName(Path.GetFileNameWithoutExtension(full), exporter, at));
    }

    /// <summary>
    /// Writes the export to <paramref name="path"/> and reports it; returns the exit code. Given the rows it will hold
    /// (<paramref name="total"/>), a line says how far it is at every tenth, so a long export is not silent.
    /// </summary>
    public static async Task<int> WriteAsync(CliRunner runner, string path, string title,
        Func<Stream, CancellationToken, Task<(int Rows, int ReplacedCharacters)>> write, CancellationToken cancellationToken, int? total = null)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder)) throw new CliException($"出力先のフォルダ {folder} がありません。");
        (int Rows, int ReplacedCharacters) result;
        try
        {
            Stream file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await using var stream = total is > 0
                ? new CsvProgressStream(file, total.Value, (done, all) => runner.Output.WriteLine($"出力中… {done} / {all} 件（{done * 100L / all}%）"))
                : file;
            result = await write(stream, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new CliException($"ファイル {full} に書き込めません: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"ファイル {full} に書き込む権限がありません。");
        }
        await runner.Output.WriteLineAsync($"{title} {result.Rows} 件を {full} に出力しました。");
        if (result.ReplacedCharacters > 0)
        {
            await runner.Error.WriteLineAsync($"警告: Shift_JIS で表せない文字 {result.ReplacedCharacters} 文字を「{CsvTableWriter.Replacement}」に置き換えました。");
        }
        return 0;
    }

    private static string Safe(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value) text.Append(char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        return text.Length == 0 ? "unknown" : text.ToString();
    }
}
