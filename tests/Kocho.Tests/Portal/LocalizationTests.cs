using System.Globalization;
using System.Text.RegularExpressions;
using Kocho.Core.Localization;
using Kocho.Core.Modules;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>All UI text goes through localization: Japanese by default, and every text has its English.</summary>
public sealed partial class LocalizationTests
{
    [GeneratedRegex("""T\["([^"]+)"[\],]""")]
    private static partial Regex LocalizedText();

    [Fact]
    public void Every_localized_text_in_pages_and_layouts_has_an_English_translation()
    {
        var catalog = new TranslationCatalog(ModuleCatalog.Discover().Assemblies);
        var english = new CultureInfo("en");
        var root = RepositoryRoot.Find();
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "Modules"), "*.cs*", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(root, "Themes"), "*.cs*", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            foreach (Match match in LocalizedText().Matches(File.ReadAllText(file)))
            {
                var text = match.Groups[1].Value;
                if (catalog.Translate(text, english) is null) missing.Add($"{Path.GetFileName(file)}: {text}");
            }
        }
        Assert.True(missing.Count == 0, "Missing English text:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Japanese_is_shown_as_written()
    {
        var catalog = new TranslationCatalog(ModuleCatalog.Discover().Assemblies);
        Assert.Null(catalog.Translate("機能管理", new CultureInfo("ja-JP")));
        Assert.Equal("Modules", catalog.Translate("機能管理", new CultureInfo("en")));
    }

    [Fact]
    public void Module_names_and_descriptions_have_English_translations()
    {
        var modules = ModuleCatalog.Discover();
        var catalog = new TranslationCatalog(modules.Assemblies);
        foreach (var module in modules.Modules)
        {
            Assert.NotNull(catalog.Translate(module.Name, new CultureInfo("en")));
            Assert.NotNull(catalog.Translate(module.Description, new CultureInfo("en")));
        }
    }
}
