using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>The staff intake form (and the call-center form, which uses a part of it).</summary>
public sealed class StaffFormInput
{
    public Channel Channel { get; set; } = Channel.Letter;
    public CaseKind Kind { get; set; } = CaseKind.Opinion;
    public DateOnly? ReceivedOn { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public List<Guid> CategoryIds { get; set; } = [];
    public bool ToMayor { get; set; } = true;
    public Guid? DepartmentId { get; set; }
    public string? ForwardComment { get; set; }
    public bool Anonymous { get; set; }
    public string? Name { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public bool WantsAnswer { get; set; } = true;
    public AnswerMethod AnswerMethod { get; set; } = AnswerMethod.Letter;

    public IntakeRequest ToRequest(List<AttachmentUpload> attachments) => new()
    {
        Channel = Channel,
        Kind = Kind,
        ReceivedOn = ReceivedOn,
        Subject = Subject,
        Body = Body,
        CategoryIds = CategoryIds,
        ToMayor = ToMayor,
        DepartmentId = DepartmentId,
        ForwardComment = ForwardComment,
        Sender = Anonymous ? SenderKind.Anonymous : SenderKind.Contact,
        Name = Name,
        PostalCode = PostalCode,
        Address = Address,
        Phone = Phone,
        Fax = Fax,
        Email = Email,
        WantsAnswer = WantsAnswer && !Anonymous,
        AnswerMethod = AnswerMethod,
        Attachments = attachments,
    };
}
