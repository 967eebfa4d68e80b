using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>受付: a new case was registered (department set when it arrived already forwarded). Published after commit; ids only, no personal data.</summary>
public sealed record CaseReceived(Guid CaseId, string ReceiptNumber, Kocho.Opinions.Cases.Channel Channel, Kocho.Opinions.Cases.CaseKind Kind, DateOnly ReceivedOn, Guid? LeadDepartmentId) : IDomainEvent;
