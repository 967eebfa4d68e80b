using Kocho.Core.Calendar;
using System.Text;
using Kocho.Privacy.Disclosure;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.Disclosure;

/// <summary>
/// 開示請求への対応: staff find the requester (registered email, or the email/phone a sender gave) and, with the
/// request number and reason of the written request, produce the same JSON/CSV the resident would get; audited.
/// </summary>
[Authorize(Policy = DisclosurePermissions.DiscloseName)]
public sealed class IndexModel(DisclosureService disclosure, ResidentAccounts accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? RequestNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string Format { get; set; } = "json";

    public Dictionary<string, string> Errors { get; } = [];
    public string? Notice { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Clean(Email);
        Phone = Clean(Phone);
        RequestNumber = Clean(RequestNumber);
        Reason = Clean(Reason);
        if (Email is null && Phone is null) Errors["Email"] = "メールアドレスか電話番号のどちらかを入力してください。";
        if (Phone is not null && global::Kocho.Core.Protection.PersonalDataNormalizer.Phone(Phone).Length < 10) Errors["Phone"] = "電話番号は10桁または11桁の数字で入力してください（ハイフン可）。";
        if (RequestNumber is null) Errors["RequestNumber"] = "開示請求の番号を入力してください。";
        else if (RequestNumber.Length > 50) Errors["RequestNumber"] = "開示請求の番号は50文字以内で入力してください。";
        if (Reason is null) Errors["Reason"] = "理由（請求の内容）を入力してください。";
        else if (Reason.Length > 200) Errors["Reason"] = "理由は200文字以内で入力してください。";
        if (Format is not ("json" or "csv")) Errors["Format"] = "形式を選んでください。";
        if (Errors.Count > 0) return Page();

        string? userId = null;
        if (Email is not null && await accounts.FindByEmailAsync(global::Kocho.Core.Protection.PersonalDataNormalizer.Email(Email), cancellationToken) is { } account)
        {
            userId = account.User.Id;
        }
        var subject = disclosure.SubjectFor(userId, Email, Phone);
        var record = await disclosure.GatherAsync(subject, cancellationToken);
        if (record.Account is null && record.Cases.Count == 0)
        {
            Notice = "該当する利用者登録も意見等も見つかりませんでした。入力を確かめてください。";
            return Page();
        }
        await disclosure.RecordAsync(subject, record, Format, RequestNumber, Reason, cancellationToken);
        var name = $"kocho-kaiji-{FileSafe(RequestNumber!)}-{User.Identity?.Name}-{JapanTime.ToJst(record.GeneratedAt):yyyyMMdd-HHmm}.{Format}";
        return Format == "json"
            ? File(DisclosureService.ToJson(record), "application/json; charset=utf-8", name)
            : File(await DisclosureService.ToCsvAsync(record, cancellationToken), "text/csv; charset=utf-8", name);
    }

    private static string? Clean(string? value)
    {
        var text = (value ?? "").Normalize(NormalizationForm.FormKC).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string FileSafe(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_'));
}
