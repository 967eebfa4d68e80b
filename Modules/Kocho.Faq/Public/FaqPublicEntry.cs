using Kocho.Faq.Entries;

namespace Kocho.Faq.Public;

/// <summary>An entry as the public site may show it: live, 公開, inside its publish window.</summary>
public sealed record FaqPublicEntry(Guid EntryId, int Number, FaqVersion Version, Guid OwnerDepartmentId, int ViewCount);
