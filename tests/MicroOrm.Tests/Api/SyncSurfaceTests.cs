using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MicroOrm.Tests.Api;

/// <summary>
/// Every public asynchronous operation of MicroOrm has a synchronous twin beside it, named as .NET names them
/// (<c>ToListAsync</c> and <c>ToList</c>, <c>AsAsyncEnumerable</c> and <c>AsEnumerable</c>), taking the same
/// parameters less the token, with the synchronous form of any delegate or source sequence: the sync API is not a
/// partial copy.
/// </summary>
public sealed class SyncSurfaceTests
{
    /// <summary>Asynchronous by contract, with nothing to twin: an interface that only has the async form.</summary>
    private static readonly HashSet<string> AsyncOnly = ["MicroOrmHealthCheck`1.CheckHealthAsync", "MicroOrmSchemaHealthCheck`1.CheckHealthAsync"];

    [Fact]
    public void Every_public_async_operation_has_a_sync_twin()
    {
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var type in typeof(DatabaseContext).Assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!IsAsync(method) || AsyncOnly.Contains(type.Name + "." + method.Name)) continue;
                checkedCount++;
                if (!HasTwin(type, method)) missing.Add($"{type.Name}.{Describe(method)}");
            }
        }

        Assert.True(missing.Count == 0, "No synchronous twin for:\n" + string.Join("\n", missing));
        Assert.True(checkedCount > 80, $"only {checkedCount} async operations found: the scan is not looking at the API");
    }

    private static bool IsAsync(MethodInfo method)
    {
        var type = method.ReturnType;
        if (!method.Name.EndsWith("Async", StringComparison.Ordinal) && !method.Name.Contains("AsyncEnumerable", StringComparison.Ordinal)) return false;
        return type == typeof(Task) || type == typeof(ValueTask) || (type.IsGenericType && type.GetGenericTypeDefinition() is var open &&
            (open == typeof(Task<>) || open == typeof(ValueTask<>) || open == typeof(IAsyncEnumerable<>)));
    }

    private static string TwinName(string name) =>
        name.Contains("AsyncEnumerable", StringComparison.Ordinal) ? name.Replace("AsyncEnumerable", "Enumerable", StringComparison.Ordinal) : name[..^"Async".Length];

    private static bool HasTwin(Type type, MethodInfo method)
    {
        var wanted = Shape(method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)));
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == TwinName(method.Name) && !IsAsync(m) && m.GetGenericArguments().Length == method.GetGenericArguments().Length)
            .Any(m => Shape(m.GetParameters()).SequenceEqual(wanted));
    }

    /// <summary>The parameters as a sync twin has them: a delegate returning a task becomes one returning its value, and loses its token.</summary>
    private static List<string> Shape(IEnumerable<ParameterInfo> parameters) => parameters.Select(p => Sync(p.ParameterType)).ToList();

    private static string Sync(Type type)
    {
        if (!type.IsGenericType) return type.IsGenericParameter ? "T" + type.GenericParameterPosition : type.Name;
        var arguments = type.GetGenericArguments().Where(a => a != typeof(CancellationToken)).ToList();
        var name = type.GetGenericTypeDefinition().Name;
        if (name.StartsWith("Func`", StringComparison.Ordinal) && arguments[^1] is { } result)
        {
            if (result == typeof(Task)) return "Action(" + string.Join(",", arguments.Take(arguments.Count - 1).Select(Sync)) + ")";
            if (result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Task<>)) arguments[^1] = result.GetGenericArguments()[0];
        }

        if (name.StartsWith("Func`", StringComparison.Ordinal) || name.StartsWith("Action`", StringComparison.Ordinal))
        {
            return (name.StartsWith("Func`", StringComparison.Ordinal) ? "Func(" : "Action(") + string.Join(",", arguments.Select(Sync)) + ")";
        }

        // A source read asynchronously has the sequence read synchronously as its twin (a bulk load's rows).
        if (name == "IAsyncEnumerable`1") name = "IEnumerable`1";
        return name + "(" + string.Join(",", arguments.Select(Sync)) + ")";
    }

    private static string Describe(MethodInfo method) =>
        method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name)) + ")";
}
