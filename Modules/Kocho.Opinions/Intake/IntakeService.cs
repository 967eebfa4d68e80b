using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Mail;
using Kocho.Core.Protection;
using Kocho.Core.Residents;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Events;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Intake;

/// <summary>
/// 意見等の入力: the public web form, staff entry (letters, postcards, e-mail, phone, FAX, visits) and the call
/// center's logged calls. One transaction per case: receipt number, case, attachments, history, forwarding, the
/// receipt mail and the audit record; nothing is saved while an input error remains.
/// </summary>
public sealed class IntakeService(
    OpinionsDbContext db,
    UnitOfWork unitOfWork,
    IPersonalDataProtector protector,
    AccessCodes accessCodes,
    ForwardingService forwarding,
    DepartmentDirectory departments,
    Kocho.Core.Data.CoreDbContext core,
    IResidentDirectory residents,
    IMailOutbox outbox,
    MailTemplates templates,
    OpinionLinks links,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>A case sent through the public web form (guest or signed-in resident).</summary>
    public Task<IntakeResult> SubmitWebAsync(IntakeRequest request, CancellationToken cancellationToken = default)
    {
        PrepareWeb(request);
        return SaveAsync(CaseActor.Public(request.Sender == SenderKind.Resident ? "登録利用者" : "Webフォーム"), request, webForm: true, cancellationToken);
    }

    /// <summary>A case registered by staff (広聴担当課) from a letter, postcard, e-mail, phone call, FAX or visit.</summary>
    public Task<IntakeResult> RegisterAsync(CaseActor actor, IntakeRequest request, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.IntakeName);
        if (request.DepartmentId is not null) actor.Demand(Permissions.ForwardName);
        request.FormToken = null;
        return SaveAsync(actor, request, webForm: false, cancellationToken);
    }

    /// <summary>コールセンター: a call the operator could not answer, forwarded at once with 回答要望 and the callback number.</summary>
    public Task<IntakeResult> LogCallAsync(CaseActor actor, IntakeRequest request, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.LogCallsName);
        request.Channel = Channel.CallCenter;
        request.ToMayor = false;
        request.Sender = SenderKind.Contact;
        request.WantsAnswer = true;
        request.AnswerMethod = AnswerMethod.Phone;
        request.FormToken = null;
        request.Attachments = [];
        return SaveAsync(actor, request, webForm: false, cancellationToken, callback: true);
    }

    /// <summary>The web form's confirmation step: the errors <see cref="SubmitWebAsync"/> would report, nothing saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckWebAsync(IntakeRequest request, CancellationToken cancellationToken = default)
    {
        PrepareWeb(request);
        return (await ValidateAsync(request, callback: false, cancellationToken)).Errors;
    }

    private static void PrepareWeb(IntakeRequest request)
    {
        request.Channel = Channel.WebForm;
        request.ReceivedOn = null;
        request.Attachments = [];
        request.CategoryIds = [];
        request.ForwardComment = null;
        if (request.Sender == SenderKind.Anonymous) request.WantsAnswer = false;
    }

    private async Task<(Dictionary<string, string> Errors, ResidentContact? Resident)> ValidateAsync(IntakeRequest request, bool callback, CancellationToken cancellationToken)
    {
        var today = JapanTime.Today(clock);
        var errors = IntakeCheck.Run(request, today);
        if (callback && request.Phone is null) errors["Phone"] = "折り返し先の電話番号を入力してください。";
        if (callback && request.DepartmentId is null) errors["DepartmentId"] = "転送先の所属を選んでください。";
        if (request.DepartmentId is { } departmentId)
        {
            var department = await departments.FindAsync(departmentId, cancellationToken);
            if (department is null || department.Level != DepartmentLevel.Section || !department.IsActiveOn(today))
                errors["DepartmentId"] = "選んだ所属には転送できません。課を選んでください。";
        }
        if (request.CategoryIds.Count > 0)
        {
            var ids = request.CategoryIds.Distinct().ToList();
            var known = await core.Categories.AsNoTracking().CountAsync(c => ids.Contains(c.Id), cancellationToken);
            if (known != ids.Count) errors["CategoryIds"] = "分類の指定が正しくありません。";
            request.CategoryIds = ids;
        }
        ResidentContact? resident = null;
        if (request.Sender == SenderKind.Resident && request.ResidentUserId is not null)
        {
            resident = await residents.FindAsync(request.ResidentUserId, cancellationToken);
            if (resident is null) errors["Sender"] = "ログインしている利用者が見つかりません。もう一度ログインしてください。";
        }
        return (errors, resident);
    }

    private async Task<IntakeResult> SaveAsync(CaseActor actor, IntakeRequest request, bool webForm, CancellationToken cancellationToken, bool callback = false)
    {
        var today = JapanTime.Today(clock);
        var (errors, resident) = await ValidateAsync(request, callback, cancellationToken);
        if (errors.Count > 0) return IntakeResult.Invalid(errors);

        if (request.FormToken is not null && await RepeatedAsync(request.FormToken, cancellationToken) is { } earlier) return earlier;
        try
        {
            return await unitOfWork.ExecuteAsync(ct => CreateAsync(actor, request, resident, webForm, today, ct), cancellationToken);
        }
        catch (DbUpdateException) when (request.FormToken is not null)
        {
            // The same form was submitted twice at once: the other submit made the case. Any other failure of the save
            // (a timeout: the portal answers 503 and the resident sends again) goes on as it was.
            if (await RepeatedAsync(request.FormToken, cancellationToken) is { } other) return other;
            throw;
        }
    }

    private async Task<IntakeResult?> RepeatedAsync(string formToken, CancellationToken cancellationToken)
    {
        var earlier = await db.Cases.AsNoTracking().Where(c => c.FormToken == formToken)
            .Select(c => new { c.Id, c.ReceiptNumber }).FirstOrDefaultAsync(cancellationToken);
        return earlier is null ? null : new IntakeResult(new Dictionary<string, string>(), earlier.Id, earlier.ReceiptNumber, Repeated: true);
    }

    private async Task<IntakeResult> CreateAsync(CaseActor actor, IntakeRequest r, ResidentContact? resident, bool webForm, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var receivedOn = r.ReceivedOn ?? today;
        var fiscalYear = ReceiptNumbers.FiscalYearOf(receivedOn);
        var sequence = await ReceiptNumbers.NextAsync(db, fiscalYear, ct);
        var receipt = ReceiptNumbers.Format(fiscalYear, sequence);
        var accessCode = webForm ? AccessCodes.NewCode() : null;
        var opinionCase = new OpinionCase
        {
            ReceiptNumber = receipt,
            FiscalYear = fiscalYear,
            Sequence = sequence,
            Kind = r.Kind,
            Channel = r.Channel,
            ReceivedOn = receivedOn,
            RegisteredAt = now,
            UpdatedAt = now,
            Subject = r.Subject!,
            Body = r.Body!,
            ToMayor = r.ToMayor,
            Sender = r.Sender,
            ResidentUserId = r.ResidentUserId,
            ContactName = r.Name,
            ContactPostalCode = r.PostalCode,
            ContactAddress = r.Address,
            ContactPhone = r.Phone,
            ContactPhoneHash = r.Phone is null ? null : protector.LookupHash(LookupPurpose.Phone, PersonalDataNormalizer.Phone(r.Phone)),
            ContactFax = r.Fax,
            ContactEmail = r.Email,
            ContactEmailHash = r.Email is null ? null : protector.LookupHash(LookupPurpose.Email, r.Email),
            AnswerRequired = r.WantsAnswer && r.Sender != SenderKind.Anonymous,
            AnswerMethod = r.Sender == SenderKind.Anonymous ? AnswerMethod.None : r.AnswerMethod,
            AccessCodeHash = accessCode is null ? null : accessCodes.Hash(receipt, accessCode),
            FormToken = r.FormToken,
            CreatedById = actor.UserId,
            CreatedByDepartmentId = actor.DepartmentId,
            Categories = r.CategoryIds.Select(id => new CaseCategory { CategoryId = id }).ToList(),
        };
        db.Cases.Add(opinionCase);
        foreach (var file in r.Attachments)
        {
            db.Attachments.Add(new CaseAttachment
            {
                CaseId = opinionCase.Id,
                FileName = Path.GetFileName(file.FileName),
                ContentType = FileTypes.Detect(file.Content)!,
                Size = file.Content.Length,
                Content = Convert.ToBase64String(file.Content),
                AddedAt = now,
            });
        }
        var note = $"{OpinionLabels.Of(r.Channel)}で受付（{OpinionLabels.Of(r.Kind)}）" + (r.Attachments.Count > 0 ? $"、添付{r.Attachments.Count}件" : "");
        HistoryLog.Write(db, clock, opinionCase.Id, actor, HistoryAction.Received, note);
        await audit.RecordAsync(new AuditEntry("opinion.case.received", "OpinionCase", opinionCase.Id.ToString(), $"{receipt} {r.Channel} {r.Sender}"), ct);
        unitOfWork.Publish(new CaseReceived(opinionCase.Id, receipt, r.Channel, r.Kind, receivedOn, r.DepartmentId));

        if (r.DepartmentId is { } department)
        {
            await forwarding.AddAsync(opinionCase, actor, new ForwardRequest(department, [], null, r.ForwardComment), ct);
        }

        var email = resident?.Email ?? r.Email;
        if (webForm && email is not null)
        {
            await outbox.EnqueueAsync(templates.Render("Kocho.Opinions", "OpinionReceived", email, new Dictionary<string, string>
            {
                ["receiptNumber"] = receipt,
                ["accessCode"] = accessCode!,
                ["link"] = links.To("/opinions/answer"),
            }), ct);
        }
        // Saved inside the transaction, so that a recipe running several actions in one transaction finds the case.
        await db.SaveChangesAsync(ct);
        return new IntakeResult(new Dictionary<string, string>(), opinionCase.Id, receipt, accessCode);
    }
}
