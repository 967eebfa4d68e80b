using Kocho.Core.Calendar;
using Kocho.Core.Categories;
using Kocho.Core.Data;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.Intake;
using Kocho.Reports.Facts;
using Kocho.Tests.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Tests.Reports;

/// <summary>
/// The demo site plus a data set whose figures are known: cases under a category of their own (so the demo's cases do
/// not count), created through Opinions' services with chosen receipt dates, channels, departments and answer times.
/// </summary>
public sealed class ReportsSite : Xunit.IAsyncLifetime
{
    // OpinionsSite raises the sign-in limit: many staff sign in from one address here.
    private readonly OpinionsSite _site = new();

    public Kocho.Tests.Infrastructure.PortalHost Host => _site.Host;
    public OpinionsSite Opinions => _site;

    public Guid CategoryId { get; private set; }
    public Guid Hoiku { get; private set; }
    public Guid Gomi { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }

    /// <summary>Business days from receipt to answer of the answered cases (answered today).</summary>
    public static readonly int[] AnswerDays = [2, 4, 5, 7, 10, 12, 16, 20];

    public List<string> HoikuReceipts { get; } = [];
    public List<string> GomiReceipts { get; } = [];
    public int CountBeforeMove { get; private set; }

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        var section = await _site.SectionAsync();
        Hoiku = await _site.DepartmentAsync("0803");
        Gomi = await _site.DepartmentAsync("1102");
        var hoikuStaff = await _site.ActorAsync(StandardRoles.DepartmentStaff, "0803");
        var gomiStaff = await _site.ActorAsync(StandardRoles.DepartmentStaff, "1102");
        var hoikuApprover = await _site.ActorAsync(StandardRoles.Approver, "0803");
        var gomiApprover = await _site.ActorAsync(StandardRoles.Approver, "1102");
        var calendar = await _site.InScopeAsync(sp => sp.GetRequiredService<BusinessCalendarService>().LoadAsync());
        Today = await _site.InScopeAsync(sp => Task.FromResult(JapanTime.Today(sp.GetRequiredService<TimeProvider>())));
        From = Today.AddDays(-70);
        CategoryId = await _site.InScopeAsync(async sp =>
        {
            var core = sp.GetRequiredService<CoreDbContext>();
            var category = new Category { Code = "ZZ-REPORTS", Name = "統計テスト用の分類", SortOrder = 999 };
            await sp.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct => { core.Categories.Add(category); await core.SaveChangesAsync(ct); });
            return category.Id;
        });

        var channels = new[] { Channel.Letter, Channel.Letter, Channel.Email, Channel.Email, Channel.Phone, Channel.Letter, Channel.Email, Channel.Phone };
        for (var i = 0; i < AnswerDays.Length; i++)
        {
            var hoiku = i % 2 == 0;
            var id = await RegisterAsync(section, channels[i], BusinessDaysBefore(calendar, AnswerDays[i]), "保育園の入園申込みについて", hoiku);
            var (staff, approver) = hoiku ? (hoikuStaff, hoikuApprover) : (gomiStaff, gomiApprover);
            await _site.InScopeAsync(async sp =>
            {
                var handling = sp.GetRequiredService<HandlingService>();
                await handling.SaveDraftAsync(staff, id, HandlingKind.Answer, "回答します。");
                await handling.SubmitForApprovalAsync(staff, id);
                await handling.ApproveAsync(approver, id);
                await handling.SendAsync(section, id, new SendRequest());
            });
        }
        // Open: two overdue (received 30 and 20 business days ago), one not yet due, one not forwarded.
        await RegisterAsync(section, Channel.Letter, BusinessDaysBefore(calendar, 30), "粗大ごみの収集について", hoiku: false);
        await RegisterAsync(section, Channel.Email, BusinessDaysBefore(calendar, 20), "粗大ごみの収集について", hoiku: true);
        await RegisterAsync(section, Channel.Phone, BusinessDaysBefore(calendar, 1), "粗大ごみの収集について", hoiku: false);
        await RegisterAsync(section, Channel.Letter, Today, "区への意見", hoiku: null);

        CountBeforeMove = await _site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Reports.Statistics.CaseStatistics>()
            .Filtered(new Kocho.Reports.Statistics.ReportFilter(From, Today, CategoryId: CategoryId)).CountAsync());

        // Three cases of the same period a year earlier: entered now, then moved back (intake accepts one year at most), then the roll-up rebuilt.
        var earlier = new List<Guid>();
        for (var i = 0; i < 3; i++) earlier.Add(await RegisterAsync(section, Channel.Letter, Today.AddDays(-10 - i), "前年の投書", hoiku: null, track: false));
        await _site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OpinionsDbContext>();
            await sp.GetRequiredService<UnitOfWork>().ExecuteAsync(async ct =>
            {
                foreach (var c in await db.Cases.Where(c => earlier.Contains(c.Id)).ToListAsync(ct)) c.ReceivedOn = c.ReceivedOn.AddYears(-1);
                await db.SaveChangesAsync(ct);
            });
            await sp.GetRequiredService<CaseFactWriter>().RebuildAsync(null, CancellationToken.None);
        });
    }

    private async Task<Guid> RegisterAsync(CaseActor section, Channel channel, DateOnly received, string subject, bool? hoiku, bool track = true)
    {
        var result = await _site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = channel, Kind = CaseKind.Request, Subject = subject, Body = "本文です。連絡先は新宿 一郎、電話 03-1234-5678 です。", ReceivedOn = received,
            Sender = SenderKind.Contact, Name = "新宿 一郎", PostalCode = "1600022", Address = "新宿区新宿1-1", Phone = "03-1234-5678",
            AnswerMethod = AnswerMethod.Letter, CategoryIds = [CategoryId],
        }));
        if (hoiku is { } h)
        {
            await _site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(h ? Hoiku : Gomi, [])));
            if (track) (h ? HoikuReceipts : GomiReceipts).Add(result.ReceiptNumber!);
        }
        return result.CaseId;
    }

    private DateOnly BusinessDaysBefore(BusinessCalendar calendar, int count)
    {
        var day = Today;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(-1);
            if (calendar.IsBusinessDay(day)) found++;
        }
        return day;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}
