using System.Text.Json;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Recipes;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Demo;

/// <summary>
/// <c>{ "name": "opinionCases", "file": "demo/opinion-cases.json" }</c> — demo cases made through the module's own
/// services (intake, forwarding, handling, approval, sending, closing), so each has the forwardings, history and
/// status its line says. Dates are business days before the run date, so overdue cases stay overdue; the history
/// is then dated along the case's life. A case whose subject exists already is left alone (the recipe can run again).
/// </summary>
public sealed class OpinionCasesStep(
    RecipeLocator locator,
    OpinionsDbContext db,
    CoreDbContext core,
    IntakeService intake,
    ForwardingService forwarding,
    HandlingService handling,
    DepartmentDirectory departments,
    BusinessCalendarService calendarService,
    TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "opinionCases";

    private static readonly string[] Lifecycle = ["受付", "転送済", "処理中", "回答案", "承認待", "回答済", "完了"];

    // Business days after receipt at which each action is dated (never later than today).
    private static readonly Dictionary<HistoryAction, int> Offsets = new()
    {
        [HistoryAction.Received] = 0, [HistoryAction.Forwarded] = 1, [HistoryAction.HandlingRecorded] = 3,
        [HistoryAction.AnswerDrafted] = 5, [HistoryAction.AnswerSubmitted] = 6, [HistoryAction.AnswerApproved] = 7,
        [HistoryAction.AnswerSent] = 8, [HistoryAction.Memo] = 8, [HistoryAction.Closed] = 10, [HistoryAction.ClosedWithoutAnswer] = 4,
    };

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var file = await ReadAsync(context.Read<string>("file"), cancellationToken);
        var sections = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Code);
        var categories = await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var existing = (await db.Cases.AsNoTracking().Select(c => c.Subject).ToListAsync(cancellationToken)).ToHashSet();
        var calendar = await calendarService.LoadAsync(cancellationToken);
        var today = JapanTime.Today(clock);
        var section = CaseActor.System(file.Actors.Section, Department(sections, "0103", 0).Id);
        var callCenter = CaseActor.System(file.Actors.CallCenter, Department(sections, "010302", 0).Id);

        // Oldest first, so that receipt numbers rise with the received dates as they would have.
        foreach (var (item, index) in file.Cases.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Ago).ThenBy(x => x.i))
        {
            if (existing.Contains(item.Subject)) continue;
            try
            {
                await CreateAsync(item, index + 1);
            }
            catch (OpinionException ex)
            {
                throw new RecipeException($"意見等 {index + 1}（{item.Subject}）: {ex.Message}");
            }
        }

        async Task CreateAsync(DemoCaseFile.Item item, int line)
        {
            var lead = Department(sections, item.Lead, line);
            var related = (item.Related ?? []).Select(code => Department(sections, code, line).Id).ToList();
            var names = file.Actors.Departments.TryGetValue(item.Lead, out var n) ? n : [$"{lead.Name} 担当", $"{lead.Name} 課長"];
            var staff = CaseActor.System(names[0], lead.Id);
            var approver = CaseActor.System(names[1], lead.Id);
            var stage = Array.IndexOf(Lifecycle, item.Status);
            var closedWithoutAnswer = item.Status == "回答不要";
            if (stage < 0 && !closedWithoutAnswer) throw new RecipeException($"意見等 {line}: 状態「{item.Status}」は使えません。");
            var received = BusinessDaysBefore(calendar, today, item.Ago);
            var sender = item.Who is { } who ? file.Senders[who] : null;
            var channel = ChannelOf(item.Channel, line);
            var method = sender is null ? AnswerMethod.None : channel switch
            {
                Channel.Email when !string.IsNullOrEmpty(sender.Email) => AnswerMethod.Email,
                Channel.WebForm => AnswerMethod.Web,
                Channel.Letter or Channel.MayorPostcard or Channel.Fax or Channel.Email => AnswerMethod.Letter,
                _ => AnswerMethod.Phone,
            };
            // Web inquiries to a department arrive forwarded; the call center forwards what it logs.
            var arrivesForwarded = stage != 0 && (channel == Channel.CallCenter || (channel == Channel.WebForm && item.Kind == "問合せ"));
            var request = new IntakeRequest
            {
                Kind = KindOf(item.Kind, line),
                Channel = channel,
                // Staff may not enter a date over a year back: such demo cases are entered a year back and then moved.
                ReceivedOn = received < today.AddYears(-1) ? today.AddYears(-1) : received,
                Subject = item.Subject,
                Body = item.Body,
                CategoryIds = categories.TryGetValue(item.Category, out var category) ? [category] : throw new RecipeException($"意見等 {line}: 分類コード {item.Category} は登録されていません。"),
                ToMayor = channel == Channel.MayorPostcard || !arrivesForwarded,
                DepartmentId = arrivesForwarded ? lead.Id : null,
                Sender = sender is null ? SenderKind.Anonymous : SenderKind.Contact,
                Name = sender?.Name,
                PostalCode = sender?.PostalCode,
                Address = sender?.Address,
                Phone = sender?.Phone,
                Email = string.IsNullOrEmpty(sender?.Email) ? null : sender.Email,
                WantsAnswer = sender is not null && !closedWithoutAnswer,
                AnswerMethod = method,
                ForwardComment = channel == Channel.CallCenter ? "回答要望。折り返しの連絡をお願いします。" : null,
            };
            var result = channel == Channel.CallCenter && arrivesForwarded && sender is not null
                ? await intake.LogCallAsync(callCenter, request, cancellationToken)
                : await intake.RegisterAsync(section, request, cancellationToken);
            if (!result.Succeeded) throw new RecipeException($"意見等 {line}: {string.Join(" ", result.Errors.Values)}");
            await db.SaveChangesAsync(cancellationToken);
            var id = result.CaseId;
            if (request.ReceivedOn != received) await MoveReceivedOnAsync(id, received, cancellationToken);

            async Task Step(Func<Task> action)
            {
                await action();
                await db.SaveChangesAsync(cancellationToken);
            }
            if (stage >= 1 || closedWithoutAnswer)
            {
                if (!arrivesForwarded) await Step(() => forwarding.ForwardAsync(section, id, new ForwardRequest(lead.Id, related), cancellationToken));
                else if (related.Count > 0) await Step(() => forwarding.ForwardAsync(section, id, new ForwardRequest(null, related), cancellationToken));
            }
            if (stage >= 2) await Step(() => handling.RecordHandlingAsync(staff, id, HandlingKind.Action, $"{lead.Name}で内容を確認し、対応を検討しています。", cancellationToken));
            if (stage >= 3) await Step(() => handling.SaveDraftAsync(staff, id, HandlingKind.Answer, item.Answer ?? throw new RecipeException($"意見等 {line}: 回答がありません。"), cancellationToken));
            if (stage >= 4) await Step(() => handling.SubmitForApprovalAsync(staff, id, null, cancellationToken));
            if (stage >= 5)
            {
                await Step(() => handling.ApproveAsync(approver, id, null, cancellationToken));
                var note = method == AnswerMethod.Phone ? $"{sender!.Name} 様に電話で回答案のとおり説明しました。" : null;
                await Step(() => handling.SendAsync(section, id, new SendRequest(null, note), cancellationToken));
            }
            if (stage >= 6 || closedWithoutAnswer) await Step(() => handling.CloseAsync(section, id, null, cancellationToken));
            await DateAlongItsLifeAsync(id, received, today, calendar);
        }
    }

    /// <summary>
    /// Gives a case its real (older) 受付日, with a receipt number of that fiscal year when it differs (the number first
    /// taken stays unused: numbers are never given twice) and the due dates counted from it.
    /// </summary>
    private async Task MoveReceivedOnAsync(Guid caseId, DateOnly received, CancellationToken cancellationToken)
    {
        var opinionCase = await db.Cases.Include(c => c.Forwardings).FirstAsync(c => c.Id == caseId, cancellationToken);
        opinionCase.ReceivedOn = received;
        var fiscalYear = ReceiptNumbers.FiscalYearOf(received);
        if (fiscalYear != opinionCase.FiscalYear)
        {
            opinionCase.FiscalYear = fiscalYear;
            opinionCase.Sequence = await ReceiptNumbers.NextAsync(db, fiscalYear, cancellationToken);
            opinionCase.ReceiptNumber = ReceiptNumbers.Format(fiscalYear, opinionCase.Sequence);
        }
        if (opinionCase.Forwardings.Count > 0)
        {
            var due = await calendarService.AnswerDueAsync(received, cancellationToken: cancellationToken);
            foreach (var f in opinionCase.Forwardings) f.DueOn = due;
            opinionCase.AnswerDue = due;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves the moments the services stamped "now" to the business days after receipt they stand for.</summary>
    private async Task DateAlongItsLifeAsync(Guid caseId, DateOnly received, DateOnly today, BusinessCalendar calendar)
    {
        DateTime At(int offset, int minute)
        {
            var day = received;
            if (offset > 0) day = calendar.AddBusinessDays(received, offset);
            if (day > today) day = today;
            // 09:00 JST onwards (00:00 UTC), a few minutes apart, in the order things happened.
            return day.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc).AddMinutes(minute * 7);
        }
        var history = await db.History.Where(h => h.CaseId == caseId).OrderBy(h => h.At).ToListAsync();
        for (var i = 0; i < history.Count; i++)
        {
            history[i].At = At(Offsets.GetValueOrDefault(history[i].Action, 3), i);
        }
        DateTime? When(HistoryAction action) => history.FirstOrDefault(h => h.Action == action)?.At;

        var opinionCase = await db.Cases.Include(c => c.Forwardings).FirstAsync(c => c.Id == caseId);
        opinionCase.RegisteredAt = At(0, 0);
        opinionCase.AnsweredAt = opinionCase.AnsweredAt is null ? null : When(HistoryAction.AnswerSent);
        opinionCase.ClosedAt = opinionCase.ClosedAt is null ? null : When(HistoryAction.Closed) ?? When(HistoryAction.ClosedWithoutAnswer);
        opinionCase.UpdatedAt = history.Count > 0 ? history[^1].At : opinionCase.RegisteredAt;
        foreach (var f in opinionCase.Forwardings)
        {
            f.ForwardedAt = When(HistoryAction.Forwarded) ?? opinionCase.RegisteredAt;
            if (f.CompletedAt is not null) f.CompletedAt = opinionCase.ClosedAt;
        }
        if (await db.Answers.FirstOrDefaultAsync(a => a.CaseId == caseId) is { } answer)
        {
            answer.DraftedAt = When(HistoryAction.AnswerDrafted) ?? answer.DraftedAt;
            answer.SubmittedAt = answer.SubmittedAt is null ? null : When(HistoryAction.AnswerSubmitted);
            answer.ApprovedAt = answer.ApprovedAt is null ? null : When(HistoryAction.AnswerApproved);
            answer.SentAt = answer.SentAt is null ? null : When(HistoryAction.AnswerSent);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static DateOnly BusinessDaysBefore(BusinessCalendar calendar, DateOnly today, int count)
    {
        var day = today;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(-1);
            if (calendar.IsBusinessDay(day)) found++;
        }
        return day;
    }

    private static Kocho.Core.Departments.Department Department(Dictionary<string, Kocho.Core.Departments.Department> all, string code, int line) =>
        all.TryGetValue(code, out var department) ? department : throw new RecipeException($"意見等 {line}: 所属コード {code} は登録されていません。");

    private static Channel ChannelOf(string label, int line)
    {
        foreach (var channel in Enum.GetValues<Channel>()) if (OpinionLabels.Of(channel) == label) return channel;
        throw new RecipeException($"意見等 {line}: 受付媒体「{label}」は使えません。");
    }

    private static CaseKind KindOf(string label, int line)
    {
        foreach (var kind in Enum.GetValues<CaseKind>()) if (OpinionLabels.Of(kind) == label) return kind;
        throw new RecipeException($"意見等 {line}: 種別「{label}」は使えません。");
    }

    private async Task<DemoCaseFile> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(file) ? file : locator.Folders().Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path)) throw new RecipeException($"意見等のデモデータ「{file}」が見つかりません。");
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<DemoCaseFile>(stream, Recipe.JsonOptions, cancellationToken)
                ?? throw new RecipeException($"意見等のデモデータ「{file}」が空です。");
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"意見等のデモデータ「{file}」の形式が正しくありません（{ex.Path}）。");
        }
    }
}
