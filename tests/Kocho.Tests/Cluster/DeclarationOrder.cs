using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kocho.Tests.Cluster;

/// <summary>Runs a class's tests in the order they are written: the cluster's story ends with a node killed.</summary>
public sealed class DeclarationOrder : ITestCaseOrderer
{
    public const string TypeName = "Kocho.Tests.Cluster.DeclarationOrder";
    public const string Assembly = "Kocho.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method is IReflectionMethodInfo m ? m.MethodInfo.MetadataToken : int.MaxValue);
}
