using System.Collections.Concurrent;

namespace Kocho.BrowserTests.Security;

/// <summary>
/// XSS payloads (ASVS V5.3), each carrying its own number: a payload that runs calls <c>alert(n)</c> or sets
/// <c>window.__xss = n</c>, so a dialog or the marker names the form field it came from (<see cref="Origin"/>).
/// </summary>
public sealed class XssCorpus
{
    private readonly ConcurrentDictionary<int, string> _origins = new();
    private int _next = 100;

    /// <summary>The kinds of payload; {0} is the number. Encoded variants catch a decode-then-render path.</summary>
    public static readonly string[] Templates =
    [
        "<script>alert({0})</script>",
        "<img src=x onerror=alert({0})>",
        "\"><svg onload=alert({0})>",
        "'><img src=x onerror=\"window.__xss={0}\">",
        "javascript:alert({0})",
        "<a href=\"javascript:alert({0})\">link{0}</a>",
        "</textarea><script>alert({0})</script>",
        "</title><script>alert({0})</script>",
        "&lt;script&gt;alert({0})&lt;/script&gt;",
        "&#60;img src=x onerror=alert({0})&#62;",
        "%3Cscript%3Ealert({0})%3C%2Fscript%3E",
        "＜script＞alert({0})＜/script＞",
        "<ScRiPt>alert({0})</sCrIpT>",
        "<svg><script>alert&#40;{0}&#41;</script></svg>",
        "{{{{constructor.constructor('alert({0})')()}}}}",
        "<iframe srcdoc=\"<script>parent.alert({0})</script>\"></iframe>",
        "<details open ontoggle=alert({0})>",
        "[link{0}](javascript:alert({0}))",
        "<math><mtext></p><img src=x onerror=alert({0})></mtext></math>",
        "\" onfocus=\"alert({0})\" autofocus=\"",
    ];

    /// <summary>One payload of the given kind for a field, e.g. <c>One("opinion.Name", 2)</c>.</summary>
    public string One(string origin, int kind)
    {
        var id = Interlocked.Increment(ref _next);
        _origins[id] = $"{origin} (payload {kind}: {Templates[kind % Templates.Length]})";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[kind % Templates.Length], id);
    }

    /// <summary>Every payload, one per line, for a long text field.</summary>
    public string All(string origin, string prefix = "") =>
        prefix + string.Join("\n", Enumerable.Range(0, Templates.Length).Select(k => One(origin, k)));

    /// <summary>As many payloads as fit in <paramref name="maxLength"/> characters, for a text field with a limit.</summary>
    public string Some(string origin, int maxLength)
    {
        var text = "";
        for (var kind = 0; kind < Templates.Length; kind++)
        {
            var next = (text.Length == 0 ? "" : text + "\n") + string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[kind], 99999);
            if (next.Length > maxLength) continue;
            text = (text.Length == 0 ? "" : text + "\n") + One(origin, kind);
        }
        return text;
    }

    /// <summary>Which field a number that ran came from.</summary>
    public string Origin(string id) => int.TryParse(id, out var n) && _origins.TryGetValue(n, out var origin) ? origin : $"unknown payload {id}";
}
