using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests.Schema;

/// <summary>
/// The drift check against the real server: a database made by CreateAsync has none, and each hand-made ALTER is
/// reported as one difference naming the table, the column or constraint, and what each side has, until it is undone.
/// </summary>
public sealed class DriftCheckTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_created_from_the_model_has_no_drift()
    {
        await using var db = database.Connect();
        Assert.Empty(await db.Schema.CheckAsync(Ct));
        Assert.Empty(db.Schema.Check());
    }

    public static TheoryData<string, string, SchemaDifferenceKind, string, string?, string> Drifts => new()
    {
        {
            "ALTER TABLE notes MODIFY `text` VARCHAR(500) NOT NULL", "ALTER TABLE notes MODIFY `text` VARCHAR(1000) NOT NULL",
            SchemaDifferenceKind.ColumnType, "notes", "text", "Column `notes`.`text` is varchar(500) in the database and varchar(1000) in the model."
        },
        {
            "ALTER TABLE notes MODIFY run VARCHAR(40) NULL", "ALTER TABLE notes MODIFY run VARCHAR(40) NOT NULL",
            SchemaDifferenceKind.ColumnNullability, "notes", "run", "Column `notes`.`run` is NULL in the database and NOT NULL in the model."
        },
        {
            "ALTER TABLE notes ADD COLUMN extra INT NULL", "ALTER TABLE notes DROP COLUMN extra",
            SchemaDifferenceKind.ExtraColumn, "notes", "extra", "Table `notes` has a column `extra` (int NULL) that the model does not map."
        },
        {
            "ALTER TABLE notes DROP COLUMN run", "ALTER TABLE notes ADD COLUMN run VARCHAR(40) NOT NULL",
            SchemaDifferenceKind.MissingColumn, "notes", "run", "Table `notes` has no column `run` (the model's varchar(40) NOT NULL)."
        },
        {
            "ALTER TABLE trial_rows DROP INDEX ix_trial_rows_trial", "ALTER TABLE trial_rows ADD INDEX ix_trial_rows_trial (trial)",
            SchemaDifferenceKind.MissingIndex, "trial_rows", null, "Table `trial_rows` has no index `ix_trial_rows_trial` on (`trial`)."
        },
        {
            "ALTER TABLE tallies DROP INDEX ux_tallies_name, ADD INDEX ux_tallies_name (name)", "ALTER TABLE tallies DROP INDEX ux_tallies_name, ADD UNIQUE INDEX ux_tallies_name (name)",
            SchemaDifferenceKind.IndexDiffers, "tallies", null, "Index `tallies`.`ux_tallies_name` is an index on (`name`) in the database and a unique key on (`name`) in the model."
        },
        {
            "ALTER TABLE notes ADD INDEX ix_by_hand (run)", "ALTER TABLE notes DROP INDEX ix_by_hand",
            SchemaDifferenceKind.ExtraIndex, "notes", null, "Table `notes` has an index `ix_by_hand` on (`run`) that the model does not declare."
        },
        {
            "ALTER TABLE profiles DROP FOREIGN KEY fk_profiles_person_id; ALTER TABLE profiles ADD CONSTRAINT fk_profiles_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT",
            "ALTER TABLE profiles DROP FOREIGN KEY fk_profiles_person_id; ALTER TABLE profiles ADD CONSTRAINT fk_profiles_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE",
            SchemaDifferenceKind.ForeignKeyDiffers, "profiles", "person_id",
            "Foreign key `profiles`.`fk_profiles_person_id` is `person_id` to `people`.`id`, on delete RESTRICT in the database and `person_id` to `people`.`id`, on delete CASCADE in the model."
        },
        {
            "ALTER TABLE signups DROP CONSTRAINT ck_signups_age", "ALTER TABLE signups ADD CONSTRAINT ck_signups_age CHECK (age >= 18 AND age <= 130)",
            SchemaDifferenceKind.MissingCheck, "signups", null, "Table `signups` has no CHECK constraint `ck_signups_age` (the model's [Range])."
        },
        {
            "ALTER TABLE notes COLLATE utf8mb4_general_ci", "ALTER TABLE notes COLLATE utf8mb4_unicode_520_ci",
            SchemaDifferenceKind.TableCollation, "notes", null, "Table `notes` has the collation utf8mb4_general_ci in the database; MicroOrm creates it with utf8mb4_unicode_520_ci."
        },
    };

    [Theory]
    [MemberData(nameof(Drifts))]
    public async Task A_hand_made_alter_is_reported_in_words_until_it_is_undone(string drift, string fix, SchemaDifferenceKind kind, string table, string? column, string description)
    {
        await using var db = database.Connect();
        Assert.Empty(await db.Schema.CheckAsync(Ct));

        await DirectSql.ExecuteAsync(database.ConnectionString, drift);
        try
        {
            var difference = Assert.Single(await db.Schema.CheckAsync(Ct));
            Assert.Equal(kind, difference.Kind);
            Assert.Equal(table, difference.Table);
            Assert.Equal(column, difference.Column);
            Assert.Equal(description, difference.Description);
        }
        finally
        {
            await DirectSql.ExecuteAsync(database.ConnectionString, fix);
        }

        Assert.Empty(await db.Schema.CheckAsync(Ct));
    }

    [Fact]
    public async Task A_missing_table_is_reported_and_created_again()
    {
        await using var db = database.Connect();
        await DirectSql.ExecuteAsync(database.ConnectionString, "DROP TABLE trial_rows");

        var difference = Assert.Single(await db.Schema.CheckAsync(Ct));
        Assert.Equal(SchemaDifferenceKind.MissingTable, difference.Kind);
        Assert.Equal("Table `trial_rows` is missing.", difference.Description);

        await db.Schema.CreateAsync(Ct);
        Assert.Empty(await db.Schema.CheckAsync(Ct));
    }
}
