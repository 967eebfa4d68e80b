using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Localization;

/// <summary>Looks text up in the merged <see cref="TranslationCatalog"/> for the current UI culture.</summary>
public sealed class KochoStringLocalizer(TranslationCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var translated = catalog.Translate(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, translated ?? name, resourceNotFound: translated is null && !IsJapanese());
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.KeysOf(CultureInfo.CurrentUICulture.Name).Select(k => this[k]);

    private static bool IsJapanese() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
}
