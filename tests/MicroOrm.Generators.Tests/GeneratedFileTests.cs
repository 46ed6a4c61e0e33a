using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>What every generated file carries whatever the model: the generator's version, and no warnings of its own making.</summary>
public sealed class GeneratedFileTests
{
    /// <summary>
    /// A model may keep mapping members it has marked [Obsolete]; the generated code must read and write them without
    /// the CS0612/CS0618 warnings that would fail a build that treats warnings as errors, as this repository's does.
    /// </summary>
    private const string ObsoleteModels = """
        using System;
        using System.Collections.Generic;
        using MicroOrm;

        namespace Legacy;

        public enum Tier { Free, Paid }

        [Table]
        public partial class Customer
        {
            [Key]
            public int Id { get; set; }

            [Obsolete]
            public string Nickname { get; set; } = "";

            [Obsolete("Use Tier.")]
            public int Level { get; set; }

            [Obsolete("Tiers are going away."), StoreAsString]
            public Tier Tier { get; set; }

            [Obsolete("Load orders by query."), HasMany]
            public List<Order> Orders { get; set; } = [];
        }

        [Table]
        public partial class Order
        {
            [Key]
            public int Id { get; set; }

            [Obsolete, ForeignKey(typeof(Customer))]
            public int CustomerId { get; set; }

            [Obsolete, BelongsTo]
            public Customer? Customer { get; set; }
        }

        [Obsolete("Archives move to cold storage.")]
        [Table]
        public partial class Archive
        {
            [Key]
            public int Id { get; set; }
        }

        [Row]
        public partial class Summary
        {
            public string Name { get; set; } = "";

            [Obsolete("Counts are computed.")]
            public long Count { get; set; }
        }

        [Database]
        public partial class LegacyDb
        {
        }
        """;

    [Fact]
    public void Obsolete_model_members_compile_without_warnings_even_as_errors()
    {
        var output = GeneratorHarness.Run(ObsoleteModels);
        Assert.Empty(output.Diagnostics);
        Assert.Equal(5, output.Sources.Count);

        var all = output.Compilation.GetDiagnostics();
        Assert.DoesNotContain(all, d => d.Id is "CS0612" or "CS0618");
        Assert.Empty(output.CompilationProblems);

        var strict = output.Compilation.WithOptions(output.Compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Generated_code_names_the_version_of_the_generator_assembly()
    {
        var version = typeof(OrmGenerator).Assembly.GetName().Version!.ToString(3);
        var output = GeneratorHarness.Run(SnapshotTests.ModelSources("Reference"));
        Assert.NotEmpty(output.Sources);
        foreach (var source in output.Sources)
        {
            var marks = Regex.Matches(source.SourceText.ToString(), "GeneratedCode\\(\"MicroOrm.Generators\", \"([^\"]*)\"\\)");
            Assert.NotEmpty(marks);
            Assert.All(marks, mark => Assert.Equal(version, mark.Groups[1].Value));
        }
    }
}
