using Kocho.Core.Audit;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Handling;
using Kocho.Opinions.Intake;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Answers;

/// <summary>
/// 区民等への回答（暗号化）: a sender reads their case and its answer after signing in, or with the 受付番号 and the
/// access code. A wrong pair tells nothing about which half was wrong. Each read is audited.
/// </summary>
public sealed class AnswerAccess(OpinionsDbContext db, AccessCodes accessCodes, IAuditTrail audit)
{
    public async Task<PublicCaseView?> WithAccessCodeAsync(string? receiptNumber, string? accessCode, CancellationToken cancellationToken = default)
    {
        var receipt = System.Text.RegularExpressions.Regex.Replace((receiptNumber ?? "").Normalize(System.Text.NormalizationForm.FormKC), @"\s", "");
        if (receipt.Length is 0 or > 20 || string.IsNullOrWhiteSpace(accessCode)) return null;
        var hash = accessCodes.Hash(receipt, accessCode);
        var opinionCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.ReceiptNumber == receipt && c.AccessCodeHash == hash, cancellationToken);
        if (opinionCase is null)
        {
            await audit.RecordAsync(new AuditEntry("opinion.answer.access.failed", "OpinionCase", receipt), cancellationToken);
            return null;
        }
        await audit.RecordAsync(new AuditEntry("opinion.answer.read", "OpinionCase", opinionCase.Id.ToString(), "access code"), cancellationToken);
        return await ViewAsync(opinionCase, cancellationToken);
    }

    /// <summary>お問い合わせ履歴: a signed-in resident's own cases, newest first.</summary>
    public async Task<IReadOnlyList<PublicCaseView>> OfResidentAsync(string residentUserId, CancellationToken cancellationToken = default)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.ResidentUserId == residentUserId)
            .OrderByDescending(c => c.RegisteredAt).Take(200).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var answers = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseId) && a.Status == AnswerStatus.Sent).ToDictionaryAsync(a => a.CaseId, cancellationToken);
        if (cases.Count > 0) await audit.RecordAsync(new AuditEntry("opinion.resident.history.read", "Resident", residentUserId), cancellationToken);
        return cases.Select(c => View(c, answers.GetValueOrDefault(c.Id))).ToList();
    }

    private async Task<PublicCaseView> ViewAsync(OpinionCase opinionCase, CancellationToken cancellationToken)
    {
        var answer = await db.Answers.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == opinionCase.Id && a.Status == AnswerStatus.Sent, cancellationToken);
        return View(opinionCase, answer);
    }

    // Only web answers are shown here; letters, e-mails and calls reached the sender their own way.
    private static PublicCaseView View(OpinionCase c, CaseAnswer? answer) => new(
        c.Id, c.ReceiptNumber, c.ReceivedOn, c.Kind, c.Subject, c.Body, PublicStatus(c.Status), c.AnswerMethod,
        answer is not null && c.AnswerMethod == AnswerMethod.Web ? answer.Text : null,
        answer?.SentAt);

    // Internal steps (転送済, 回答案, 承認待) are one 「対応中」 for the sender.
    private static CaseStatus PublicStatus(CaseStatus status) => status switch
    {
        CaseStatus.Forwarded or CaseStatus.Drafted or CaseStatus.AwaitingApproval => CaseStatus.InProgress,
        _ => status,
    };
}
