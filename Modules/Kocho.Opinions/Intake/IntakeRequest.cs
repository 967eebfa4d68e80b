using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Intake;

/// <summary>
/// What a web form, a staff member or a call-center operator enters for a new case, as typed: <see cref="IntakeCheck"/>
/// validates and normalizes it. Field names match the form inputs (<c>Input.Subject</c> …) so errors land beside them.
/// </summary>
public sealed class IntakeRequest
{
    public CaseKind Kind { get; set; } = CaseKind.Opinion;
    public Channel Channel { get; set; } = Channel.WebForm;

    /// <summary>受付日; null = today (JST). Not in the future.</summary>
    public DateOnly? ReceivedOn { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public List<Guid> CategoryIds { get; set; } = [];

    /// <summary>区長への意見 (true), or a department's inquiry: <see cref="DepartmentId"/> then receives it already forwarded.</summary>
    public bool ToMayor { get; set; } = true;
    public Guid? DepartmentId { get; set; }

    public SenderKind Sender { get; set; } = SenderKind.Contact;

    /// <summary>The signed-in resident (web form): contact details come from their profile.</summary>
    public string? ResidentUserId { get; set; }
    public string? Name { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }

    /// <summary>回答を希望する; ignored (no answer) for anonymous cases.</summary>
    public bool WantsAnswer { get; set; } = true;
    public AnswerMethod AnswerMethod { get; set; } = AnswerMethod.Web;

    /// <summary>The web form's one-time token (double submits find the first case).</summary>
    public string? FormToken { get; set; }

    /// <summary>Comment for the department when the case arrives forwarded (call center: what the caller needs).</summary>
    public string? ForwardComment { get; set; }

    public List<AttachmentUpload> Attachments { get; set; } = [];
}
