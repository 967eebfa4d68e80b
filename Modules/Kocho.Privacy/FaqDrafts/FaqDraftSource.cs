using Kocho.Core.Protection.Redaction;

namespace Kocho.Privacy.FaqDrafts;

/// <summary>A case's question and sent answer with personal data masked, ready to become a FAQ draft.</summary>
public sealed record FaqDraftSource(Guid CaseId, string ReceiptNumber, string? DepartmentCode, RedactionResult Question, RedactionResult Answer);
