using Kocho.Core.Events;

namespace Kocho.Faq.Events;

/// <summary>A version waits for the approvers of one step (承認依頼); alerts tell that department.</summary>
public sealed record FaqApprovalRequested(Guid EntryId, int Number, Guid VersionId, int Step, string StepName, Guid ApproverDepartmentId, string Question) : IDomainEvent;
