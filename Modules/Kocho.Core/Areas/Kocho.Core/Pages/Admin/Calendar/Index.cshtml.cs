using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin.Calendar;

/// <summary>A year's business calendar for every staff member; administrators add and remove 例外日.</summary>
public sealed class IndexModel(
    BusinessCalendarService service,
    CalendarDbContext db,
    UnitOfWork unitOfWork,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "日付を入力してください。")]
        public string? Date { get; set; }

        public CalendarExceptionKind Kind { get; set; } = CalendarExceptionKind.Closed;

        [Required(ErrorMessage = "名称を入力してください。")]
        [StringLength(100, ErrorMessage = "名称は100文字以内で入力してください。")]
        public string? Name { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public BusinessCalendar Calendar { get; private set; } = null!;
    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];
    public IReadOnlyList<CalendarDay> Exceptions { get; private set; } = [];
    public int AnswerBusinessDays { get; private set; }
    public bool CanManage { get; private set; }
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public static string KindName(CalendarExceptionKind kind) => kind switch
    {
        CalendarExceptionKind.Closed => "閉庁日",
        CalendarExceptionKind.Holiday => "休日（法改正など）",
        _ => "開庁日（休日だが業務を行う日）",
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await MayManageAsync()) return Forbid();
        DateOnly date = default;
        if (Input.Date is not null && !DateOnly.TryParseExact(Input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            ModelState.AddModelError("Input.Date", "日付は YYYY-MM-DD の形で入力してください。");
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "種類を選んでください。");
        }
        if (ModelState.IsValid && await db.Days.AnyAsync(d => d.Date == date, cancellationToken))
        {
            ModelState.AddModelError("Input.Date", "この日付の例外日はすでに登録されています。");
        }
        if (!ModelState.IsValid)
        {
            (Message, IsError) = (T["入力内容を確認してください。"], true);
            await LoadAsync(cancellationToken);
            return Page();
        }
        await unitOfWork.ExecuteAsync(ct =>
        {
            db.Days.Add(new CalendarDay
            {
                Date = date,
                Kind = Input.Kind,
                Name = Input.Name!.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = User.Identity?.Name,
            });
            return Task.CompletedTask;
        }, cancellationToken);
        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync()) return Forbid();
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var day = await db.Days.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (day is not null) db.Days.Remove(day);
        }, cancellationToken);
        return RedirectToPage(new { year = Year });
    }

    private async Task<bool> MayManageAsync() =>
        (await authorization.AuthorizeAsync(User, Permissions.ManageCalendarName)).Succeeded;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Year is < JapaneseHolidayRules.FirstYear or > JapaneseHolidayRules.LastYear)
        {
            Year = JapanTime.Today(clock).Year;
        }
        Calendar = await service.LoadAsync(cancellationToken);
        Holidays = await service.HolidaysAsync(Year, cancellationToken);
        AnswerBusinessDays = await service.AnswerBusinessDaysAsync(cancellationToken);
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Exceptions = await db.Days.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        CanManage = await MayManageAsync();
    }

}
