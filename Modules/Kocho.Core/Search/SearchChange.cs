namespace Kocho.Core.Search;

/// <summary>
/// One entry of the search change log (DESIGN.md, Scale): every node keeps its own index in step by applying the
/// log in order, whichever node or CLI process made the change. <see cref="Document"/> is null for a deletion.
/// </summary>
public sealed class SearchChange
{
    public long Id { get; set; }

    public string Index { get; set; } = "";

    public string DocumentId { get; set; } = "";

    /// <summary>The <see cref="SearchDocument"/> as JSON (no personal data: the index text itself).</summary>
    public string? Document { get; set; }

    public DateTime CreatedUtc { get; set; }
}
