using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using MicroOrm.Testing;
using MicroOrm.Tool;
using Xunit;

namespace MicroOrm.Migrations.Tests.Infrastructure;

/// <summary>The dotnet-microorm command line, run in this process: its exit code and what it printed on each stream.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>The configuration the test projects were built in, which the tool is told to read.</summary>
    public static readonly string Configuration = typeof(ToolRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static string ShopProject(int version) => Path.Combine(RepositoryPaths.Root, "tests", $"Shop.V{version}", $"Shop.V{version}.csproj");

    public static string ShopMigrations => Path.Combine(RepositoryPaths.Root, "tests", "Shop.V3", "Migrations", "ShopDb");

    public static async Task<ToolRun> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(arguments, output, error, TestContext.Current.CancellationToken);
        return new ToolRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Error}";
}
