using Ganss.Xss;
using Markdig;

namespace Kocho.Faq.Entries;

/// <summary>
/// Answers are written in Markdown; the HTML residents see is Markdig's output passed through HtmlSanitizer,
/// so nothing an editor types can run script on the public site. Plain text (search, snippets, CSV) strips the markup.
/// </summary>
public sealed class FaqMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().UseSoftlineBreakAsHardlineBreak().Build();

    private readonly HtmlSanitizer _sanitizer;

    public FaqMarkdown()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "code", "pre", "hr" })
        {
            _sanitizer.AllowedTags.Add(tag);
        }
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.Add("href");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("tel");
    }

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    public static string ToPlainText(string markdown) =>
        string.Join(' ', Markdown.ToPlainText(markdown ?? "", Pipeline).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
