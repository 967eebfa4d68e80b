using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Opinions;

/// <summary>Only what the public form may set (channel, dates, categories and forwarding comments are not the sender's to choose).</summary>
public sealed class WebFormInput
{
    public CaseKind Kind { get; set; } = CaseKind.Opinion;
    public string Route { get; set; } = "mayor";
    public Guid? DepartmentId { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public bool WantsAnswer { get; set; } = true;
    public AnswerMethod AnswerMethod { get; set; } = AnswerMethod.Web;
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? FormToken { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    public IntakeRequest ToRequest(string? residentUserId)
    {
        var anonymous = residentUserId is null && !WantsAnswer && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone);
        return new IntakeRequest
        {
            Kind = Kind,
            ToMayor = Route != "department",
            DepartmentId = Route == "department" ? DepartmentId : null,
            Subject = Subject,
            Body = Body,
            Sender = residentUserId is not null ? SenderKind.Resident : anonymous ? SenderKind.Anonymous : SenderKind.Contact,
            ResidentUserId = residentUserId,
            Name = residentUserId is null ? Name : null,
            Email = residentUserId is null ? Email : null,
            PostalCode = residentUserId is null ? PostalCode : null,
            Address = residentUserId is null ? Address : null,
            Phone = residentUserId is null ? Phone : null,
            WantsAnswer = WantsAnswer,
            AnswerMethod = WantsAnswer ? AnswerMethod : AnswerMethod.None,
            FormToken = FormToken,
        };
    }
}
