namespace Kocho.Reports.Facts;

/// <summary>
/// One row per opinion case in Reports' own roll-up (issue #7 item 6): the facts statistics group and filter by,
/// on indexed columns, so that figures over ten years (~1M cases) are aggregate queries, not loops.
/// </summary>
public sealed class CaseFact
{
    public Guid CaseId { get; set; }
    public required string ReceiptNumber { get; set; }
    public int FiscalYear { get; set; }

    /// <summary>Year × 100 + month of 受付日, e.g. 202604.</summary>
    public int Month { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public int Channel { get; set; }
    public int Kind { get; set; }
    public int Status { get; set; }
    public bool IsOpen { get; set; }
    public Guid? LeadDepartmentId { get; set; }
    public DateOnly? AnswerDue { get; set; }
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>Business days from 受付日 to the answer (weekends, holidays and 12/29–1/3 not counted).</summary>
    public int? BusinessDaysToAnswer { get; set; }
    public bool? AnsweredByDue { get; set; }
}
