using System.Globalization;

namespace Kocho.Core.Settings;

/// <summary>The site's name for headers and titles, read once per request, in the current language.</summary>
public sealed class SiteIdentity(SiteSettings settings)
{
    private string? _name;
    private string? _nameEn;
    private bool _loaded;

    public async Task<string> NameAsync()
    {
        if (!_loaded)
        {
            _name = await settings.GetStringAsync("Site.Name");
            _nameEn = await settings.GetStringAsync("Site.NameEn");
            _loaded = true;
        }
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return (english ? _nameEn : null) ?? _name ?? (english ? "Resident Voice & FAQ" : "区民の声・よくある質問");
    }
}
