using Kocho.Opinions.Cases;

namespace Kocho.Api.Staff;

/// <summary>
/// The JSON body of <c>POST /api/v1/cases</c>: what an integration hands in for a new case. Departments and categories
/// are given by code; an unknown property is refused, so that a misspelt field never goes unnoticed.
/// </summary>
public sealed class CaseCreateRequest
{
    public CaseKind Kind { get; set; } = CaseKind.Opinion;
    public Channel? Channel { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public bool ToMayor { get; set; } = true;
    public string? DepartmentCode { get; set; }
    public List<string> CategoryCodes { get; set; } = [];
    public SenderKind Sender { get; set; } = SenderKind.Contact;
    public string? Name { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public bool WantsAnswer { get; set; } = true;
    public AnswerMethod AnswerMethod { get; set; } = AnswerMethod.Letter;
    public string? ForwardComment { get; set; }
}
