using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Mail;
using Kocho.Core.Security;
using Kocho.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kocho.Privacy.Incidents;

/// <summary>
/// 特記事項 14: a suspected incident is reported at once. The report, its audit record and a mail to every administrator
/// (through the outbox; the mail names no person, only the kind and where to read it) are one transaction.
/// </summary>
public sealed class IncidentReporting(IncidentsDbContext db, UnitOfWork unitOfWork, IAuditTrail audit, IMailOutbox outbox,
    IStaffDirectory staff, DepartmentDirectory departments, IConfiguration configuration, TimeProvider clock)
{
    public static readonly IReadOnlyList<(IncidentKind Kind, string Label)> Kinds =
    [
        (IncidentKind.Leak, "漏えい（外部への流出）"),
        (IncidentKind.Loss, "紛失・滅失"),
        (IncidentKind.Misdelivery, "誤送付・誤送信"),
        (IncidentKind.UnauthorizedAccess, "不正アクセス・目的外の閲覧"),
        (IncidentKind.Other, "その他"),
    ];

    public static string Label(IncidentKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Label ?? "その他";

    public async Task<IncidentReport> ReportAsync(string userId, string reporterName, Guid? departmentId, IncidentKind kind, DateOnly? occurredOn,
        string description, string? actionTaken, CancellationToken cancellationToken)
    {
        var recipients = await AdministratorsAsync(cancellationToken);
        var report = new IncidentReport
        {
            ReportedAt = clock.GetUtcNow().UtcDateTime,
            ReporterUserId = userId,
            ReporterName = reporterName,
            ReporterDepartmentId = departmentId,
            Kind = kind,
            OccurredOn = occurredOn,
            Description = description,
            ActionTaken = string.IsNullOrWhiteSpace(actionTaken) ? null : actionTaken.Trim(),
        };
        await unitOfWork.ExecuteAsync(async ct =>
        {
            db.Reports.Add(report);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry("privacy.incident.reported", "IncidentReport", report.Id.ToString(),
                $"kind={kind} mailed={recipients.Count}"), ct);
            var link = StaffLink($"/admin/privacy/incidents/{report.Id}");
            var reported = JapanTime.ToJst(report.ReportedAt);
            foreach (var admin in recipients)
            {
                await outbox.EnqueueAsync(new OutgoingMail(admin.Email!, "【事故報告】個人情報の事故（疑い）が報告されました",
                    $"{admin.DisplayName} 様\n\n個人情報の事故（疑い）が報告されました。\n\n種別: {Label(kind)}\n報告日時: {reported:yyyy年M月d日 HH:mm}\n報告者: {reporterName}\n\n" +
                    $"内容は職員サイトで確認してください（このメールには記載していません）。\n{link}\n"), ct);
            }
        }, cancellationToken);
        return report;
    }

    public Task<List<IncidentReport>> ListAsync(CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking().OrderByDescending(r => r.ReportedAt).Take(500).ToListAsync(cancellationToken);

    /// <summary>Reading a report is reading what it may say about people: audited.</summary>
    public async Task<IncidentReport?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is not null) await audit.RecordAsync(new AuditEntry("privacy.incident.viewed", "IncidentReport", id.ToString()), cancellationToken);
        return report;
    }

    /// <summary>Every enabled staff account holding the Administrator role, with a mail address.</summary>
    private async Task<IReadOnlyList<StaffContact>> AdministratorsAsync(CancellationToken cancellationToken)
    {
        var all = (await departments.AllAsync(cancellationToken)).Select(d => d.Id).ToList();
        var members = (await staff.MembersAsync(all, StandardRoles.Administrator, cancellationToken)).ToList();
        // The built-in administrator of setup may belong to no department.
        members.AddRange(await staff.ByLoginAsync(["admin"], cancellationToken));
        return members.Where(m => MailOutbox.IsAddress(m.Email)).DistinctBy(m => m.UserId).ToList();
    }

    private string StaffLink(string path)
    {
        var configured = configuration["Kocho:Staff:BaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = (configuration["Kocho:Staff:Urls"] ?? "http://127.0.0.1:5001").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        }
        return configured.TrimEnd('/') + path;
    }
}
