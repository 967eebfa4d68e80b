using System.Text;
using Kocho.Core.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Intake;
using Kocho.Opinions.Search;
using Kocho.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// The search index is not encrypted: after a letter with the sender's name, address, phone and email (also written
/// in its text) is registered and forwarded, none of those values is anywhere in the index folder's files, while a
/// marker word of the same text is (so the scan does see what the index holds).
/// </summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class SearchIndexPrivacyTests(DemoSiteFixture site)
{
    private const string Marker = "Qzxmarker";

    [Fact]
    public async Task The_cases_index_holds_none_of_the_senders_personal_values()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var core = sp.GetRequiredService<CoreDbContext>();
        var section = CaseActor.System("山口 美咲", core.Departments.Single(d => d.Code == "0103").Id);
        var gomi = core.Departments.Single(d => d.Code == "1102").Id;
        var result = await sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Kind = CaseKind.Request,
            Channel = Channel.Letter,
            Subject = "試験花子からの集積所の要望",
            Body = $"新宿区歌舞伎町九丁目98番97号に住む試験 花子です。{Marker} 集積所の場所について相談です。" +
                   "連絡は０９０－００００－４３２１か、勤務先 03-0000-8765、メール Hanako.Shiken@example.jp、" +
                   "〒160-0021 までお願いします。試験より。",
            Sender = SenderKind.Contact,
            Name = "試験 花子",
            PostalCode = "160-0021",
            Address = "新宿区歌舞伎町九丁目98番97号",
            Phone = "090-0000-4321",
            Email = "hanako.shiken@example.jp",
            AnswerMethod = AnswerMethod.Letter,
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(gomi, []));

        var search = sp.GetRequiredService<ISearchService>();
        var byMarker = await search.SearchAsync(CaseIndex.Name, new SearchQuery { Text = Marker, Highlight = true });
        Assert.Equal([result.CaseId.ToString()], byMarker.Hits.Select(h => h.Id));
        Assert.Contains("集積所の場所", System.Net.WebUtility.HtmlDecode(byMarker.Hits[0].SnippetHtml));

        // The follower commits the index about once a second: wait until the committed files hold the case.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string> ofCase;
        while ((ofCase = CaseDocumentTexts(result.CaseId.ToString())).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Contains(ofCase, t => t.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        var secrets = new[] { "花子", "試験", "歌舞伎町九丁目98番97号", "98番97号", "4321", "8765", "hanako", "shiken", "1600021", "160-0021" };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(ofCase, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        // The raw files too, for the values long enough not to occur in other bytes by chance.
        var files = Kocho.Tests.Infrastructure.IndexFiles.ReadAll(Path.Combine(site.Host.DataPath, "index", CaseIndex.Name)).Select(WithoutIds).ToList();
        Assert.True(Contains(files, Marker.ToLowerInvariant()) || Contains(files, Marker), "the scan sees the indexed text");
        foreach (var secret in new[] { "花子", "試験", "歌舞伎町九丁目98番97号", "98番97号", "hanako", "Hanako", "shiken", "Shiken", "1600021" })
        {
            Assert.False(Contains(files, secret), $"the index holds {secret}");
        }
        foreach (var words in new[] { "花子", "試験", "hanako.shiken@example.jp", "090-0000-4321" })
        {
            var hits = await search.SearchAsync(CaseIndex.Name, new SearchQuery { Text = words, Take = 500 });
            Assert.DoesNotContain(hits.Hits, h => h.Id == result.CaseId.ToString());
        }
    }

    /// <summary>
    /// What the committed index holds of one document: its stored fields and every term whose postings include it
    /// (other demo cases may hold a four-digit run such as 4321 in their own text; only this case's must not).
    /// </summary>
    private List<string> CaseDocumentTexts(string caseId)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(site.Host.DataPath, "index", CaseIndex.Name));
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var texts = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            var idTerms = atomic.GetTerms("id")?.GetEnumerator();
            if (idTerms is null || !idTerms.SeekExact(new Lucene.Net.Util.BytesRef(caseId))) continue;
            var idDocs = idTerms.Docs(live, null);
            var doc = idDocs.NextDoc();
            if (doc == Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) continue;
            texts.AddRange(atomic.Document(doc).Fields.Select(f => f.GetStringValue() ?? ""));
            foreach (var field in atomic.Fields)
            {
                var terms = atomic.GetTerms(field).GetEnumerator();
                while (terms.MoveNext())
                {
                    var postings = terms.Docs(live, null);
                    if (postings.Advance(doc) == doc) texts.Add(terms.Term.Utf8ToString());
                }
            }
        }
        return texts;
    }

    /// <summary>
    /// The index stores case and department ids (GUIDs); a four-digit value such as 8765 can occur inside one by
    /// chance, so GUID-shaped runs are blanked before the scan.
    /// </summary>
    private static byte[] WithoutIds(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        return Encoding.Latin1.GetBytes(GuidPattern().Replace(text, m => new string(' ', m.Length)));
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    private static bool Contains(List<byte[]> files, string value)
    {
        var patterns = new[] { Encoding.UTF8.GetBytes(value), Encoding.Unicode.GetBytes(value) };
        return files.Any(file => patterns.Any(p => file.AsSpan().IndexOf(p) >= 0));
    }
}
