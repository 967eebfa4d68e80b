using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Infrastructure;

/// <summary>
/// Longest first: xunit runs as many collections at once as there are cores, in this order; the ones marked
/// <see cref="RunsLongAttribute"/> come first, the others by id as xunit orders them.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => RunsLong(c) ? 0 : 1).ThenBy(c => c.UniqueID).ToList();

    private static bool RunsLong(ITestCollection collection)
    {
        var type = collection.CollectionDefinition;
        if (type is null && collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal))
        {
            type = collection.TestAssembly.Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..]);
        }
        return type?.GetCustomAttributes(typeof(RunsLongAttribute).AssemblyQualifiedName).Any() == true;
    }
}
