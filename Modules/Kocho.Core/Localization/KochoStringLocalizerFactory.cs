using Microsoft.Extensions.Localization;

namespace Kocho.Core.Localization;

/// <summary>Every module shares one localizer: keys are the Japanese text itself.</summary>
public sealed class KochoStringLocalizerFactory(TranslationCatalog catalog) : IStringLocalizerFactory
{
    private readonly KochoStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
