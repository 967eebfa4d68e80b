using Kocho.Core.Calendar;
using Kocho.Privacy.Disclosure;
using Kocho.Users.Accounts;
using Kocho.Users.Areas.Kocho.Users.Pages.Account;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Disclosure;

/// <summary>保有個人情報のダウンロード: the signed-in resident downloads everything held about them (JSON or CSV), audited.</summary>
public sealed class IndexModel(UserManager<KochoUser> users, ResidentAccounts accounts, DisclosureService disclosure) : ResidentPageModel(users, accounts)
{
    public int CaseCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        var record = await disclosure.GatherAsync(disclosure.SubjectFor(current.User.Id, null, null), cancellationToken);
        CaseCount = record.Cases.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string format, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        if (format is not ("json" or "csv")) return BadRequest();
        var subject = disclosure.SubjectFor(current.User.Id, null, null);
        var record = await disclosure.GatherAsync(subject, cancellationToken);
        await disclosure.RecordAsync(subject, record, format, null, null, cancellationToken);
        var name = $"kocho-kaiji-{JapanTime.ToJst(record.GeneratedAt):yyyyMMdd-HHmm}.{format}";
        return format == "json"
            ? File(DisclosureService.ToJson(record), "application/json; charset=utf-8", name)
            : File(await DisclosureService.ToCsvAsync(record, cancellationToken), "text/csv; charset=utf-8", name);
    }
}
