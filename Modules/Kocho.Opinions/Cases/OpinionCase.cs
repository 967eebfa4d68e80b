using Kocho.Opinions.Forwarding;

namespace Kocho.Opinions.Cases;

/// <summary>
/// 意見等: one opinion, request, inquiry, complaint or proposal, from any channel. The sender's contact details
/// and the free text are encrypted at rest; e-mail and phone are found through keyed hashes.
/// </summary>
public sealed class OpinionCase
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>受付番号, e.g. <c>2026-000123</c>: fiscal year of receipt and its sequence.</summary>
    public required string ReceiptNumber { get; set; }
    public int FiscalYear { get; set; }
    public int Sequence { get; set; }

    public CaseKind Kind { get; set; }
    public Channel Channel { get; set; }

    /// <summary>受付日 (JST): staff may enter an earlier date for mail that arrived earlier.</summary>
    public DateOnly ReceivedOn { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>区長への意見 (true) or an inquiry to a department.</summary>
    public bool ToMayor { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Received;
    public bool AnswerRequired { get; set; }
    public AnswerMethod AnswerMethod { get; set; }

    public SenderKind Sender { get; set; }
    public string? ResidentUserId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPostalCode { get; set; }
    public string? ContactAddress { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactPhoneHash { get; set; }
    public string? ContactFax { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactEmailHash { get; set; }

    /// <summary>Keyed hash of the access code shown once at receipt (the code itself is never stored).</summary>
    public string? AccessCodeHash { get; set; }

    /// <summary>The one-time token of the web form that created the case: a second submit finds this case.</summary>
    public string? FormToken { get; set; }

    /// <summary>主管課 of the current forwarding, and its 回答期限 (kept here for lists).</summary>
    public Guid? LeadDepartmentId { get; set; }
    public DateOnly? AnswerDue { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    public Guid? CreatedById { get; set; }
    public Guid? CreatedByDepartmentId { get; set; }

    public List<CaseCategory> Categories { get; set; } = [];
    public List<CaseForwarding> Forwardings { get; set; } = [];
}
