using Kocho.Core.Modules;

namespace Kocho.Core.ProhibitedTerms;

/// <summary>
/// The checks of enabled modules only: with Kocho.Privacy disabled (or absent) nothing matches and forms save as before.
/// </summary>
public sealed class ProhibitedTermGuard(IEnumerable<IProhibitedTermCheck> checks, ModuleCatalog catalog, EnabledModules enabledModules)
{
    public async Task<IReadOnlyList<ProhibitedTermMatch>> FindAsync(IEnumerable<string?> texts, CancellationToken cancellationToken = default)
    {
        var list = texts.ToList();
        var found = new List<ProhibitedTermMatch>();
        foreach (var check in checks)
        {
            var module = catalog.FindByAssembly(check.GetType().Assembly);
            if (module is not null && !enabledModules.IsEnabled(module.Id)) continue;
            found.AddRange(await check.FindAsync(list, cancellationToken));
        }
        return found.Distinct().ToList();
    }

    /// <summary>For the audit record of a confirmation: categories and terms, e.g. <c>犯罪:逮捕</c>.</summary>
    public static string Describe(IEnumerable<ProhibitedTermMatch> matches) => string.Join(" ", matches.Select(m => $"{m.Category}:{m.Term}"));
}
