using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The migrations as one SQL script for a team whose DBA applies schema changes by hand (<c>mysql &lt; script.sql</c>).
/// It can be run again, or after the application applied some of the migrations, and makes each change once: every
/// step runs only when the history (the tables <see cref="Schema.MigrationRunner"/> keeps) does not record it, and is
/// recorded as the runner records it, so the application sees the migrations as applied. It needs no stored program
/// and no DELIMITER: each step is a prepared statement whose text is the step's or a no-op, chosen from the history.
/// A migration the database has with another checksum stops the script at its first statement, with an error naming it.
/// </summary>
internal static class IdempotentScript
{
    private const string Variable = "@microorm_step";
    private const string Prepared = "microorm_step";

    public static string Write(string databaseName, IReadOnlyList<Migration> migrations)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"-- MicroOrm migrations of {databaseName}, as one script to apply by hand (mysql < this file).\n");
        text.Append("-- It can run again, or after the application applied some migrations: each step runs once, and is recorded\n");
        text.Append("-- in the history the application reads. A step MicroOrm applies is one prepared statement here.\n\n");
        text.Append(MigrationSql.CreateHistory.Text).Append(";\n");
        text.Append(MigrationSql.CreateSteps.Text).Append(";\n");
        foreach (var migration in migrations)
        {
            var version = migration.Version.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"\n-- Migration {version}: {migration.Name} ({migration.StepCount} steps, checksum {migration.Checksum})\n");
            text.Append("-- Stops the script if the database applied another text as this migration (the error names a table that does not exist).\n");
            Prepare(text, $"EXISTS(SELECT 1 FROM `microorm_migrations` WHERE `version` = {version} AND `checksum` <> {Literal(migration.Checksum)})",
                $"SELECT 1 FROM `microorm stop: migration {version} changed since it was applied`", "DO 0");
            text.Append(CultureInfo.InvariantCulture,
                $"INSERT IGNORE INTO `microorm_migrations` (`version`, `name`, `checksum`, `steps`, `steps_started`, `steps_done`, `started_at`) VALUES ({version}, {Literal(migration.Name)}, {Literal(migration.Checksum)}, {migration.StepCount}, 0, 0, UTC_TIMESTAMP(6));\n");
            for (var i = 0; i < migration.Steps.Count; i++)
            {
                var step = migration.Steps[i];
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"-- step {number}: {step.Description}\n");
                var statement = step.Sql;
                if (statement.Contains('\\', StringComparison.Ordinal))
                {
                    // Sent as hex below, so that no sql_mode reads its backslashes differently; shown here for review.
                    foreach (var line in statement.Split('\n')) text.Append("--   ").Append(line).Append('\n');
                }

                Prepare(text, $"EXISTS(SELECT 1 FROM `microorm_migration_steps` WHERE `version` = {version} AND `step` = {number})", "DO 0", statement);
                text.Append(CultureInfo.InvariantCulture,
                    $"INSERT IGNORE INTO `microorm_migration_steps` (`version`, `step`, `description`, `applied_at`) VALUES ({version}, {number}, {Literal(Truncate(step.Description))}, UTC_TIMESTAMP(6));\n");
                text.Append(CultureInfo.InvariantCulture,
                    $"UPDATE `microorm_migrations` SET `steps_started` = GREATEST(`steps_started`, {number}), `steps_done` = GREATEST(`steps_done`, {number}) WHERE `version` = {version};\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"UPDATE `microorm_migrations` SET `finished_at` = COALESCE(`finished_at`, UTC_TIMESTAMP(6)) WHERE `version` = {version};\n");
        }

        return text.ToString();
    }

    /// <summary>Runs <paramref name="whenTrue"/> or <paramref name="whenFalse"/> as a prepared statement, by <paramref name="condition"/>.</summary>
    private static void Prepare(StringBuilder text, string condition, string whenTrue, string whenFalse)
    {
        text.Append("SET ").Append(Variable).Append(" = IF(").Append(condition).Append(", ").Append(Literal(whenTrue)).Append(", ").Append(Literal(whenFalse)).Append(");\n");
        text.Append("PREPARE ").Append(Prepared).Append(" FROM ").Append(Variable).Append("; EXECUTE ").Append(Prepared).Append("; DEALLOCATE PREPARE ").Append(Prepared).Append(";\n");
    }

    /// <summary>
    /// A string literal that every sql_mode reads alike: quotes doubled, and text with a backslash (which
    /// NO_BACKSLASH_ESCAPES reads differently) as a hex literal converted to utf8mb4.
    /// </summary>
    private static string Literal(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal)) return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        return "CONVERT(X'" + Convert.ToHexString(Encoding.UTF8.GetBytes(value)) + "' USING utf8mb4)";
    }

    private static string Truncate(string description) => description.Length > 500 ? description[..500] : description;
}
