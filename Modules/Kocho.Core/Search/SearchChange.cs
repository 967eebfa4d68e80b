namespace Kocho.Core.Search;

/// <summary>
/// One entry of the search change log (DESIGN.md, Scale): every node keeps its own index in step by applying the
/// log in order, whichever node or CLI process made the change. <see cref="Document"/> is null for a deletion.
/// </summary>
public sealed class SearchChange
{
    /// <summary>
    /// The document id of a change that stands for the whole index: every node rebuilds the index from its source
    /// (<see cref="SearchChangeFeed.Rebuild"/>, for a bulk change such as a legacy import).
    /// </summary>
    public const string RebuildMarker = "*";

    public long Id { get; set; }

    public string Index { get; set; } = "";

    public string DocumentId { get; set; } = "";

    /// <summary>The <see cref="SearchDocument"/> as JSON (no personal data: the index text itself).</summary>
    public string? Document { get; set; }

    public DateTime CreatedUtc { get; set; }
}
