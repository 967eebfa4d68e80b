using Kocho.Faq.Entries;

namespace Kocho.Faq.Public;

/// <summary>An entry as the public site may show it: live, 公開, inside its publish window. (Init properties, so that queries can filter on it.)</summary>
public sealed class FaqPublicEntry
{
    public Guid EntryId { get; init; }
    public int Number { get; init; }
    public FaqVersion Version { get; init; } = null!;
    public Guid OwnerDepartmentId { get; init; }
    public int ViewCount { get; init; }
}
