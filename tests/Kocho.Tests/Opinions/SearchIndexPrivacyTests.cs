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
public sealed class SearchIndexPrivacyTests(DemoSiteFixture site)
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

        var files = Directory.GetFiles(Path.Combine(site.Host.DataPath, "index", CaseIndex.Name)).Select(File.ReadAllBytes).ToList();
        Assert.True(Contains(files, Marker.ToLowerInvariant()) || Contains(files, Marker), "the scan sees the indexed text");
        foreach (var secret in new[] { "花子", "試験", "歌舞伎町九丁目98番97号", "98番97号", "4321", "8765", "hanako", "Hanako", "shiken", "Shiken", "1600021", "160-0021" })
        {
            Assert.False(Contains(files, secret), $"the index holds {secret}");
        }
        foreach (var words in new[] { "花子", "試験", "hanako.shiken@example.jp", "090-0000-4321" })
        {
            var hits = await search.SearchAsync(CaseIndex.Name, new SearchQuery { Text = words, Take = 500 });
            Assert.DoesNotContain(hits.Hits, h => h.Id == result.CaseId.ToString());
        }
    }

    private static bool Contains(List<byte[]> files, string value)
    {
        var patterns = new[] { Encoding.UTF8.GetBytes(value), Encoding.Unicode.GetBytes(value) };
        return files.Any(file => patterns.Any(p => file.AsSpan().IndexOf(p) >= 0));
    }
}
