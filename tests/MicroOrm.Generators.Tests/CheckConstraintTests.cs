using System.Linq;
using MicroOrm.Generators.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Generators.Tests;

/// <summary>
/// <c>[Range]</c> becomes a CHECK constraint, except on a foreign-key column whose ON DELETE is CASCADE or SET NULL:
/// MySQL 8 refuses that CREATE TABLE (error 3823), so there the generated validator is the only check.
/// </summary>
public sealed class CheckConstraintTests
{
    [Theory]
    [InlineData("Cascade", false)]
    [InlineData("SetNull", false)]
    [InlineData("Restrict", true)]
    [InlineData("NoAction", true)]
    public void A_range_on_a_foreign_key_is_a_CHECK_only_where_MySQL_accepts_one(string onDelete, bool expectCheck)
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
        Assert.Contains("CONSTRAINT `ck_players_number` CHECK (`number` >= 0 AND `number` <= 99)", player, System.StringComparison.Ordinal);
        Assert.Equal(expectCheck, player.Contains("CHECK (`team_id` >= 1 AND `team_id` <= 1000)", System.StringComparison.Ordinal));
        Assert.Equal(expectCheck, player.Contains("checkConstraint: \"ck_players_team_id\"", System.StringComparison.Ordinal));
        // The validator runs before every write either way.
        Assert.Contains("validator: new global::MicroOrm.Mapping.ValueValidator<int?>(CheckTeamId)", player, System.StringComparison.Ordinal);
    }
}
