using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Kocho.Core.Modules;

namespace Kocho.Core.Mail;

/// <summary>
/// Japanese mail templates, embedded in the module that owns them: <c>Mail/Templates/NAME.txt</c> holds the subject
/// on its first line, a blank line, then the text body; <c>NAME.html</c> (optional) the HTML alternative.
/// Placeholders are <c>{name}</c>; values are HTML-encoded in the HTML part and kept on one line in the subject.
/// </summary>
public sealed partial class MailTemplates(ModuleCatalog catalog)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<(string Module, string Name), Template> _templates = new();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The mail to <paramref name="to"/> from template <paramref name="name"/> of module <paramref name="moduleId"/>.</summary>
    public OutgoingMail Render(string moduleId, string name, string to, IReadOnlyDictionary<string, string> values)
    {
        var template = _templates.GetOrAdd((moduleId, name), key => Load(key.Module, key.Name));
        return new OutgoingMail(
            to,
            Fill(template, template.Subject, values, v => string.Join(' ', v.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))),
            Fill(template, template.Text, values, v => v),
            template.Html is null ? null : Fill(template, template.Html, values, Html.Encode));
    }

    private static string Fill(Template template, string text, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? encode(value ?? "")
            : throw new InvalidOperationException($"Mail template {template.Id} needs a value for {{{match.Groups[1].Value}}}."));

    private Template Load(string moduleId, string name)
    {
        var module = catalog.Find(moduleId) ?? throw new InvalidOperationException($"Mail template {moduleId}/{name}: no module {moduleId}.");
        var id = $"{moduleId}/{name}";
        var text = Read(module.Assembly, name + ".txt")
            ?? throw new InvalidOperationException($"Mail template {id}: Mail/Templates/{name}.txt is not embedded in {module.Assembly.GetName().Name}.");
        var lines = text.ReplaceLineEndings("\n").Split('\n', 3);
        if (lines.Length < 3 || string.IsNullOrWhiteSpace(lines[0]) || lines[1].Length != 0)
        {
            throw new InvalidOperationException($"Mail template {id}: the first line is the subject, the second stays empty.");
        }
        var html = Read(module.Assembly, name + ".html");
        return new Template(id, lines[0].Trim(), lines[2], html?.ReplaceLineEndings("\n"));
    }

    private static string? Read(Assembly assembly, string file)
    {
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".Mail.Templates." + file, StringComparison.Ordinal));
        if (resource is null) return null;
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Template(string Id, string Subject, string Text, string? Html);
}
