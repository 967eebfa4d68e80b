using Kocho.Faq.Csv;
using Kocho.Faq.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>ＦＡＱデータのＣＳＶ出力 and import from the staff site (the same services as <c>export faq</c> / <c>import faq</c>).</summary>
[Authorize(Policy = Permissions.ImportExportFaqName)]
public sealed class CsvModel(FaqCsvExport export, FaqCsvImport import, TimeProvider clock, IStringLocalizer T) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    [BindProperty]
    public FaqFilter Filter { get; set; } = new();

    [BindProperty]
    public string? Encoding { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    /// <summary>Set by the second button of the Shift_JIS warning: make the file with 〓 all the same.</summary>
    [BindProperty]
    public bool ReplaceUnencodable { get; set; }

    /// <summary>A Shift_JIS export withheld: how many characters it would write as 〓.</summary>
    public int? WithheldReplacements { get; private set; }

    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? ExportError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        if (Encoding is not (null or "utf-8" or "shift_jis"))
        {
            ExportError = T["文字コードは UTF-8 か Shift_JIS を選んでください。"].Value;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var file = await export.ExportAsync(FaqActor.From(User), Filter, Encoding, ReplaceUnencodable, cancellationToken);
        if (file.Withheld)
        {
            WithheldReplacements = file.ReplacedCharacters;
            return Page();
        }
        var today = global::Kocho.Core.Calendar.JapanTime.Today(clock);
        var name = $"faq-{today:yyyyMMdd}.csv";
        return File(file.Content, "text/csv; charset=" + (Encoding == "shift_jis" ? "shift_jis" : "utf-8"), name);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [T["CSVファイルを選んでください。"].Value];
            return Page();
        }
        if (Upload.Length > MaxFileBytes)
        {
            Errors = [T["ファイルが大きすぎます（10MBまで）。"].Value];
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        try
        {
            var result = await import.ImportAsync(buffer.ToArray(), Encoding, Publish, FaqActor.From(User), cancellationToken);
            Message = T[result.Published ? "取り込みました（新規 {0} 件、更新 {1} 件、変更なし {2} 件）。公開しました。" : "取り込みました（新規 {0} 件、更新 {1} 件、変更なし {2} 件）。承認待ちになっています。",
                result.Created, result.Updated, result.Unchanged].Value;
        }
        catch (FaqCsvException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
