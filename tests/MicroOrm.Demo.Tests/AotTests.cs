using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MicroOrm.Demo.Tests;

/// <summary>
/// The demo compiles ahead of time to a native executable, with no trim or AOT warning, and runs the tour; published as
/// a user publishes inside the repository, with <c>-p:PublishAot=true</c> on the command line.
/// </summary>
public sealed class AotTests
{
    [Fact]
    public async Task Published_with_NativeAOT_it_has_no_trim_or_aot_warning_and_runs_the_tour()
    {
        var output = Directory.CreateTempSubdirectory("microorm-aot-").FullName;
        try
        {
            var publish = await DemoRunner.RunProgramAsync(
                // PublishAot on the command line as well as in the project: a global property that reached the generator project used to fail it (NETSDK1207).
                "dotnet", ["publish", DemoRunner.DemoProject, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo"], TimeSpan.FromMinutes(10));
            Assert.True(publish.ExitCode == 0, publish.Output + publish.Errors);
            var warnings = publish.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));

            var tour = await DemoRunner.RunProgramAsync(Path.Combine(output, "microorm-demo"), ["tour"]);

            Assert.Equal(0, tour.ExitCode);
            Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "tour.txt")), tour.Output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
