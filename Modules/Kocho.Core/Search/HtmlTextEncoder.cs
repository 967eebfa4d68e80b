using Lucene.Net.Search.Highlight;

namespace Kocho.Core.Search;

/// <summary>Encodes the five HTML-significant characters only, so Japanese text stays readable in snippets (Lucene's encoder writes every non-ASCII character as an entity).</summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public string EncodeText(string originalText) =>
        originalText.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
