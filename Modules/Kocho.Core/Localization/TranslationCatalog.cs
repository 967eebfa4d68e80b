using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Kocho.Core.Localization;

/// <summary>
/// UI text is written in Japanese (the default culture) and translated through each module's embedded
/// <c>Localization/&lt;culture&gt;.json</c> (Japanese text → translation), merged across modules.
/// </summary>
public sealed class TranslationCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public TranslationCatalog(IEnumerable<Assembly> assemblies)
    {
        var cultures = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames())
            {
                var marker = resource.LastIndexOf(".Localization.", StringComparison.Ordinal);
                if (marker < 0 || !resource.EndsWith(".json", StringComparison.Ordinal)) continue;
                var culture = resource[(marker + ".Localization.".Length)..^".json".Length];
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream,
                    new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) ?? [];
                if (!cultures.TryGetValue(culture, out var target)) cultures[culture] = target = new(StringComparer.Ordinal);
                foreach (var (key, value) in entries) target[key] = value;
            }
        }
        _byCulture = cultures.ToFrozenDictionary(c => c.Key, c => c.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The translation of <paramref name="japanese"/> for the culture, or null (then the Japanese text is shown).</summary>
    public string? Translate(string japanese, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.TwoLetterISOLanguageName == "ja") return null;
            if (_byCulture.TryGetValue(c.Name, out var entries) && entries.TryGetValue(japanese, out var text)) return text;
        }
        return null;
    }

    public IEnumerable<string> KeysOf(string culture) =>
        _byCulture.TryGetValue(culture, out var entries) ? entries.Keys : [];
}
