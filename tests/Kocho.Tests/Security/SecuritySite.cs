using System.Net;
using System.Text.RegularExpressions;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Intake;
using Kocho.Privacy.Incidents;
using Kocho.Tests.Infrastructure;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>The roles of the authorization matrix: who is signed in, on which site.</summary>
[Flags]
public enum Who
{
    None = 0,
    Anonymous = 1,
    Resident = 2,
    CallCenter = 4,     // cc.onodera
    Department = 8,     // gomi.hayashi, ごみ減量リサイクル課 (department A)
    Approver = 16,      // gomi.okada, approver of department A
    Section = 32,       // kocho.yamaguchi, 広聴担当課
    Admin = 64,         // joho.morita
    Staff = CallCenter | Department | Approver | Section | Admin,
    Everyone = Anonymous | Resident | Staff,
}

/// <summary>
/// One demo site for the security tests of a collection: a signed-in session per role (one cookie jar for both
/// listeners, as a browser on the same host has), and the ids of things owned by department A (1102) and B (0502):
/// a case forwarded to each with an attachment, a FAQ draft of B waiting for approval, an incident report, an export job.
/// </summary>
public sealed class SecuritySite : IAsyncLifetime
{
    public const string DepartmentA = "1102";   // 環境清掃部 ごみ減量リサイクル課
    public const string DepartmentB = "0502";   // 地域振興部 戸籍住民課

    /// <summary>Text only department B's things hold: a page that shows it to department A leaks B.</summary>
    public const string SecretOfB = "戸籍住民課だけの秘密メモ";

    public const string ResidentEmail = "security.resident@example.jp";
    public const string ResidentPassword = "resident-pass-2026";

    public PortalHost Host { get; private set; } = null!;
    public MailPickup Mail { get; private set; } = null!;
    public Dictionary<Who, Session> Sessions { get; } = [];

    public Guid DepartmentAId { get; private set; }
    public Guid DepartmentBId { get; private set; }
    public Guid CaseA { get; private set; }
    public Guid AttachmentA { get; private set; }
    public string ReceiptA { get; private set; } = "";
    public Guid CaseB { get; private set; }
    public Guid AttachmentB { get; private set; }
    public string ReceiptB { get; private set; } = "";
    /// <summary>A demo case of A with an answer (the answer letter).</summary>
    public Guid AnsweredCaseA { get; private set; }
    /// <summary>A demo case of B with an answer.</summary>
    public Guid AnsweredCaseB { get; private set; }
    /// <summary>The demo's case received through Open311 (its status is public by the standard).</summary>
    public string Open311Receipt { get; private set; } = "";
    public int FaqOfA { get; private set; }
    public int PublicFaq { get; private set; }
    public string CategoryCode { get; private set; } = "";
    /// <summary>A new FAQ entry of B whose first version waits for B's approver.</summary>
    public int FaqDraftOfB { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid ExportJobOfSection { get; private set; }
    public string GomiUserId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartCopyAsync("demo", "--Kocho:RateLimits:sign-in:PermitLimit=1000");
        Mail = new MailPickup(Host.DataPath);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var departments = sp.GetRequiredService<DepartmentDirectory>();
            DepartmentAId = (await departments.FindByCodeAsync(DepartmentA))!.Id;
            DepartmentBId = (await departments.FindByCodeAsync(DepartmentB))!.Id;
            (CaseA, AttachmentA, ReceiptA) = await RegisterCaseAsync(sp, DepartmentAId, "ごみ集積所のカラス対策について", "集積所のネットが足りません。");
            (CaseB, AttachmentB, ReceiptB) = await RegisterCaseAsync(sp, DepartmentBId, "住民票の請求について " + SecretOfB, "窓口の待ち時間について。" + SecretOfB);
            var opinions = sp.GetRequiredService<OpinionsDbContext>();
            AnsweredCaseA = await AnsweredCaseOfAsync(opinions, DepartmentAId);
            AnsweredCaseB = await AnsweredCaseOfAsync(opinions, DepartmentBId);
            Open311Receipt = await opinions.Cases.Where(c => c.Channel == Channel.Open311).Select(c => c.ReceiptNumber).FirstAsync();

            var faqDb = sp.GetRequiredService<Kocho.Faq.Data.FaqDbContext>();
            FaqOfA = await faqDb.Entries.Where(e => e.OwnerDepartmentId == DepartmentAId && e.PublishedVersionId != null).OrderBy(e => e.Number).Select(e => e.Number).FirstAsync();
            PublicFaq = FaqOfA;
            var core = sp.GetRequiredService<CoreDbContext>();
            CategoryCode = await core.Categories.Where(c => c.ParentId != null).OrderBy(c => c.SortOrder).Select(c => c.Code).FirstAsync();
            var faq = sp.GetRequiredService<FaqService>();
            var actor = FaqActor.SystemActor("セキュリティテスト");
            var draft = await faq.CreateAsync(new FaqInput
            {
                Question = "戸籍の附票はどこで請求できますか。" + SecretOfB,
                Answer = "本庁舎1階の戸籍住民課で請求できます。" + SecretOfB,
                Category = await core.Categories.Where(c => c.ParentId != null).OrderBy(c => c.SortOrder).Select(c => c.Code).FirstAsync(),
                Department = DepartmentB,
                Visibility = FaqVisibility.Public,
            }, actor);
            FaqDraftOfB = draft.Number;
            await faq.SubmitAsync(FaqDraftOfB, "確認をお願いします。", actor);

            var incident = await sp.GetRequiredService<IncidentReporting>().ReportAsync(Guid.NewGuid().ToString(), "テスト 職員", DepartmentBId,
                IncidentKind.Other, null, "テスト用の事故報告", null, CancellationToken.None);
            IncidentId = incident.Id;
            GomiUserId = (await sp.GetRequiredService<UserManager<KochoUser>>().FindByNameAsync("gomi.hayashi"))!.Id;
        }

        Sessions[Who.Anonymous] = new Session(Who.Anonymous, new CookieContainer(), Host);
        Sessions[Who.Resident] = new Session(Who.Resident, (await SignedInResidentAsync(ResidentEmail)).Cookies, Host);
        foreach (var (who, login) in new[] { (Who.CallCenter, "cc.onodera"), (Who.Department, "gomi.hayashi"), (Who.Approver, "gomi.okada"), (Who.Section, "kocho.yamaguchi"), (Who.Admin, "joho.morita") })
        {
            Sessions[who] = new Session(who, (await Host.SignedInStaffAsync(login, PortalHost.DemoPassword)).Cookies, Host);
        }
        using (var section = Sessions[Who.Section].Client(Host.StaffUrl))
        {
            var prepared = await section.PostFormAsync("/admin/reports/exports?export=opinions", [], handler: "Prepare");
            ExportJobOfSection = Guid.Parse(Regex.Match(prepared.RequestMessage!.RequestUri!.AbsolutePath, "/admin/reports/exports/([0-9a-f-]{36})").Groups[1].Value);
        }
    }

    /// <summary>A resident registers, confirms the address from the mail and signs in.</summary>
    public async Task<PortalClient> SignedInResidentAsync(string email)
    {
        var client = Host.PublicClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = ResidentPassword, ["Form.Name"] = "検証 花子", ["Form.PostalCode"] = "160-0022",
            ["Form.Address"] = "新宿区新宿1-1-1", ["Form.Phone"] = "090-0000-9999", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        var verify = await Mail.WaitForAsync(email, "メールアドレスの確認のお願い");
        await client.GetStringAsync(MailPickup.LinkIn(verify));
        var signedIn = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = ResidentPassword });
        Assert.Equal("/account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static async Task<(Guid Case, Guid Attachment, string Receipt)> RegisterCaseAsync(IServiceProvider sp, Guid department, string subject, string body)
    {
        var result = await sp.GetRequiredService<IntakeService>().RegisterAsync(CaseActor.System("セキュリティテスト"), new IntakeRequest
        {
            Kind = CaseKind.Request,
            Channel = Channel.Letter,
            ToMayor = false,
            DepartmentId = department,
            Subject = subject,
            Body = body,
            Sender = SenderKind.Contact,
            Name = "検証 一郎",
            Phone = "03-0000-9999",
            WantsAnswer = true,
            AnswerMethod = AnswerMethod.Letter,
            PostalCode = "160-0022",
            Address = "新宿区新宿1-1-1",
            Attachments = [new AttachmentUpload("letter.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray())],
        });
        Assert.Empty(result.Errors);
        var attachment = await sp.GetRequiredService<OpinionsDbContext>().Attachments.Where(a => a.CaseId == result.CaseId).Select(a => a.Id).SingleAsync();
        return (result.CaseId, attachment, result.ReceiptNumber!);
    }

    private static Task<Guid> AnsweredCaseOfAsync(OpinionsDbContext db, Guid department) =>
        db.Cases.Where(c => c.LeadDepartmentId == department && db.Answers.Any(a => a.CaseId == c.Id && a.SentAt != null))
            .OrderBy(c => c.ReceiptNumber).Select(c => c.Id).FirstAsync();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in Sessions.Values) session.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>One person's browser: one cookie jar, a client per listener that does not follow redirects (to see them).</summary>
public sealed class Session : IDisposable
{
    private readonly PortalHost _host;

    public Session(Who who, CookieContainer cookies, PortalHost host)
    {
        Who = who;
        Cookies = cookies;
        _host = host;
        Public = NewClient(host.PublicUrl);
        Staff = NewClient(host.StaffUrl);
    }

    public Who Who { get; }
    public CookieContainer Cookies { get; }
    public HttpClient Public { get; }
    public HttpClient Staff { get; }

    public HttpClient On(bool staffSite) => staffSite ? Staff : Public;

    /// <summary>A form-posting client on the same cookie jar (follows redirects, reads tokens from pages).</summary>
    public PortalClient Client(Uri baseAddress) => new(baseAddress, Cookies);

    private HttpClient NewClient(Uri baseAddress) => new(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public void Dispose()
    {
        Public.Dispose();
        Staff.Dispose();
    }
}
