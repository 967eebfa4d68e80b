using Kocho.Core.Search;
using Xunit;

namespace Kocho.Tests.Search;

/// <summary>A logged document comes back from the change log as it was indexed, tags and date included.</summary>
public sealed class SearchChangeLogTests
{
    [Fact]
    public void A_logged_document_reads_back_whole_and_a_deletion_reads_back_as_none()
    {
        var document = FaqCorpus.ToDocument(FaqCorpus.Entries.Single(e => e.Number == 22));
        var logged = new SearchChange { Index = "faq", DocumentId = document.Id, Document = System.Text.Json.JsonSerializer.Serialize(document) };

        var read = SearchChangeLog.Read(logged)!;

        Assert.Equal(document.Id, read.Id);
        Assert.Equal(document.Title, read.Title);
        Assert.Equal(document.Keywords, read.Keywords);
        Assert.Equal(document.Body, read.Body);
        Assert.Equal(document.Date, read.Date);
        Assert.Equal(DateTimeKind.Utc, read.Date!.Value.Kind);
        Assert.Equal(["internal"], read.Tags["visibility"]);
        Assert.Equal(["0502"], read.Tags["department"]);
        Assert.Null(SearchChangeLog.Read(new SearchChange { Index = "faq", DocumentId = "22", Document = null }));
    }
}
