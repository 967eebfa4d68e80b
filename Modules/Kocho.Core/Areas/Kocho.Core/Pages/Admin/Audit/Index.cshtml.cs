using Kocho.Core.Calendar;
using System.Globalization;
using System.Text;
using Kocho.Core.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin.Audit;

/// <summary>
/// 監査証跡: administrators search the trail by user, entity, action and JST date range, newest first.
/// Looking at the trail is itself recorded.
/// </summary>
[Authorize(Policy = Permissions.ViewAuditTrailName)]
public sealed class IndexModel(AuditSearch search, IAuditTrail audit, IStringLocalizer T) : PageModel
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d"];

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityType")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityId")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public string? FromError { get; private set; }
    public string? ToError { get; private set; }

    public AuditSearchResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var from = ParseDate(From, out var fromValid);
        var to = ParseDate(To, out var toValid);
        if (!fromValid) FromError = T["開始日は 2026-04-01 のように年-月-日の形式で入力してください。"];
        if (!toValid) ToError = T["終了日は 2026-04-01 のように年-月-日の形式で入力してください。"];
        if (fromValid && toValid && from is { } f && to is { } t && t < f)
        {
            ToError = T["終了日には開始日以降の日付を入力してください。"];
        }
        if (FromError is not null || ToError is not null)
        {
            return;
        }
        var filter = new AuditSearchFilter(UserQuery, EntityType, EntityId, ActionQuery, from, to);
        Result = await search.SearchAsync(filter, PageNumber, cancellationToken);
        await audit.RecordAsync(new AuditEntry("audit.viewed", "AuditTrail", null, Describe(filter, Result.Page)), cancellationToken);
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["user"] = UserQuery, ["entityType"] = EntityType, ["entityId"] = EntityId,
            ["action"] = ActionQuery, ["from"] = From, ["to"] = To, ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    public string Who(AuditRecord record) => record.ActorKind switch
    {
        AuditActor.AnonymousKind => T["（ログインしていない利用者）"],
        AuditActor.ResidentKind => T["区民等（ID: {0}）", record.ActorId ?? ""],
        _ => record.ActorName,
    };

    public string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string Jst(DateTime utc) => JapanTime.ToJst(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Empty is no bound; full-width digits and 「／」 are accepted.</summary>
    private static DateOnly? ParseDate(string? text, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim();
        if (DateOnly.TryParseExact(normalized, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        valid = false;
        return null;
    }

    private static string Describe(AuditSearchFilter filter, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.User)) parts.Add("user=" + filter.User.Trim());
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) parts.Add("entityType=" + filter.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) parts.Add("entityId=" + filter.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Action)) parts.Add("action=" + filter.Action.Trim());
        if (filter.From is { } from) parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (filter.To is { } to) parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return string.Join("; ", parts);
    }
}
