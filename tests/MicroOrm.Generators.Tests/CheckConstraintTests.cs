using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// <c>[Range]</c> becomes the data of a CHECK constraint (name and SQL bounds) on every column, a foreign key's
/// included: which tables may declare it is the dialect's decision (MySQL refuses one on a column a referential action
/// rewrites), tested with the dialects. The generated validator runs before every write either way.
/// </summary>
public sealed class CheckConstraintTests
{
    [Theory]
    [InlineData("Cascade")]
    [InlineData("SetNull")]
    [InlineData("Restrict")]
    [InlineData("NoAction")]
    public void A_range_is_check_data_on_every_column_and_a_validator(string onDelete)
    {
        var output = GeneratorHarness.Run($$"""
            using MicroOrm;
            [Table] public partial class Team { [Key] public int Id { get; set; } }
            [Table] public partial class Player
            {
                [Key] public int Id { get; set; }
                [Range(1, 1000), ForeignKey(typeof(Team), OnDelete = ReferentialAction.{{onDelete}})] public int? TeamId { get; set; }
                [Range(0, 99)] public int Number { get; set; }
            }
            """);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems);
        var player = output.Sources.Single(s => s.HintName.Contains("Player", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("check: new global::MicroOrm.Mapping.CheckInfo(\"ck_players_number\", \"0\", \"99\")", player, System.StringComparison.Ordinal);
        Assert.Contains("check: new global::MicroOrm.Mapping.CheckInfo(\"ck_players_team_id\", \"1\", \"1000\")", player, System.StringComparison.Ordinal);
        Assert.Contains("validator: new global::MicroOrm.Mapping.ValueValidator<int?>(CheckTeamId)", player, System.StringComparison.Ordinal);
    }
}
