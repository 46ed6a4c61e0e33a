using System.Collections.Generic;
using System.Linq;
using Xunit.v3;

namespace MicroOrm.Topology.Tests;

/// <summary>
/// Runs a class's tests in the order they are written in: the tests of one topology share it, and the last of them
/// disposes it to check what disposal leaves, so it must come after every test that still needs the topology.
/// </summary>
public sealed class DeclarationOrder : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, Xunit.Sdk.ITestMethod =>
        // Metadata tokens of a type's methods follow their order in the source.
        testMethods.OrderBy(method => method is IXunitTestMethod xunit ? xunit.Method.MetadataToken : int.MaxValue).ToList();
}
