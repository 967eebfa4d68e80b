using Kocho.Core.Calendar;
using Kocho.Core.Categories;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin.Search;

/// <summary>意見等の検索: every filter of issue #4 item 7 in one GET form; department staff find only their department's cases.</summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class IndexModel(CaseSearch search, DepartmentDirectory departments, CoreDbContext core, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Receipt { get; set; }
    [BindProperty(SupportsGet = true)] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public CaseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>Unset: by relevance when searching words, else newest first.</summary>
    [BindProperty(SupportsGet = true)] public CaseSearchSort? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public CaseSearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Department> Sections { get; private set; } = [];
    public IReadOnlyList<(Category Category, int Depth)> Categories { get; private set; } = [];
    private Dictionary<Guid, string> _names = [];

    public bool Searched => Request.Query.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Today(clock);
        var all = await departments.AllAsync(cancellationToken);
        _names = all.ToDictionary(d => d.Id, d => d.Name);
        Sections = all.Where(d => d.Level == DepartmentLevel.Section && d.IsActiveOn(today)).ToList();
        var categories = await core.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        Categories = categories.Where(c => c.ParentId is null)
            .SelectMany(top => new[] { (top, 0) }.Concat(categories.Where(c => c.ParentId == top.Id).Select(c => (c, 1))))
            .ToList();

        if (!ModelState.IsValid)
        {
            Error = "検索条件の形式が正しくありません。日付は YYYY-MM-DD で入力してください。";
            return;
        }
        if (From is { } from && To is { } to && from > to)
        {
            Error = "受付日の開始には終了以前の日付を入力してください。";
            return;
        }
        if (Text is { Length: > 200 })
        {
            Error = "検索する言葉は200文字以内で入力してください。";
            return;
        }
        if (!Searched) return;
        if (Text is not null && string.IsNullOrWhiteSpace(Text)) Text = null;
        Result = await search.SearchAsync(CaseActor.From(User), new CaseSearchQuery
        {
            Text = Text,
            ReceiptNumber = Receipt,
            Channel = Channel,
            Kind = Kind,
            Status = Status,
            DepartmentId = Department,
            CategoryId = Category,
            From = From,
            To = To,
            Overdue = Overdue,
            Sort = Sort switch
            {
                null or CaseSearchSort.Relevance => Text is null ? CaseSearchSort.Newest : CaseSearchSort.Relevance,
                var chosen => chosen.Value,
            },
            Page = PageNumber,
        }, cancellationToken);
    }

    public string DepartmentName(Guid? id) => id is { } value ? _names.GetValueOrDefault(value, "") : "";

    /// <summary>This search with another page or sort.</summary>
    public string Link(int? page = null, CaseSearchSort? sort = null)
    {
        var query = Request.Query.Where(q => q.Key is not ("p" or "sort")).ToDictionary(q => q.Key, q => q.Value.ToString());
        if ((sort ?? Sort) is { } order) query["sort"] = order.ToString();
        query["p"] = (page ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/opinions/search", query!);
    }
}
