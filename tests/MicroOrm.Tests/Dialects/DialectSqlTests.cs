using System;
using System.Linq;
using System.Text;
using MicroOrm.Mapping;
using MicroOrm.ReferenceModels;
using MicroOrm.SqlBuilding;
using MicroOrm.Testing;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// What each server dialect writes, with no server: the version strings that choose a dialect, and every fixed
/// statement of every test table per server family, compared with reviewed golden files. No MySQL server can run here, so
/// these files are how the MySQL dialect is checked; the query shapes, which both families spell alike, are the
/// ToSql golden files.
/// </summary>
public sealed class DialectSqlTests
{
    [Theory]
    [InlineData("10.11.19-MariaDB-0+deb12u1", "MariaDB 10.6+")]
    [InlineData("11.4.2-MariaDB", "MariaDB 10.6+")]
    [InlineData("10.6.18-MariaDB-log", "MariaDB 10.6+")]
    [InlineData("8.0.19", "MySQL 8.0")]
    [InlineData("8.0.40-0ubuntu0.24.04.1", "MySQL 8.0")]
    [InlineData("8.4.3", "MySQL 8.4")]
    [InlineData("9.1.0-commercial", "MySQL 9")]
    public void A_server_version_names_its_dialect(string version, string dialect) =>
        Assert.Equal(dialect, SqlDialect.FromServerVersion(version).Name);

    [Theory]
    [InlineData("8.0.18")]
    [InlineData("5.7.44-log")]
    public void A_mysql_without_the_upsert_row_alias_is_refused_with_its_version(string version)
    {
        var error = Assert.Throws<NotSupportedException>(() => SqlDialect.FromServerVersion(version));
        Assert.Contains(version, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_name_each_dialect_and_detect_names_none()
    {
        Assert.Null(SqlDialect.For(ServerDialect.Detect));
        Assert.Same(SqlDialect.MariaDb, SqlDialect.For(ServerDialect.MariaDb));
        Assert.Same(SqlDialect.MySql80, SqlDialect.For(ServerDialect.MySql80));
        Assert.Same(SqlDialect.MySql84, SqlDialect.For(ServerDialect.MySql84));
        Assert.Same(SqlDialect.MySql9, SqlDialect.For(ServerDialect.MySql9));
    }

    /// <summary>One golden file per server family: the MySQL versions share one writer and must write the same table statements.</summary>
    public static TheoryData<string> DialectFiles => new() { "mariadb", "mysql" };

    [Fact]
    public void Every_golden_file_is_produced_by_a_dialect() =>
        Snapshot.AssertNoOrphans("Dialect.", DialectFiles.Select(row => $"Dialect.{row.Data}.verified.sql"));

    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_fixed_statement_of_every_table_is_the_reviewed_sql(string file)
    {
        var dialect = file == "mariadb" ? SqlDialect.MariaDb : SqlDialect.MySql80;
        Snapshot.Match($"Dialect.{file}.verified.sql", Statements(dialect) + SessionStatements(file));
    }

    [Fact]
    public void MySql_8_4_and_9_write_what_MySql_8_0_writes()
    {
        var expected = Statements(SqlDialect.MySql80);
        Assert.Equal(expected, Statements(SqlDialect.MySql84));
        Assert.Equal(expected, Statements(SqlDialect.MySql9));
    }

    /// <summary>Every fixed statement of every test table as <paramref name="dialect"/> writes it, tables in name order.</summary>
    private static string Statements(SqlDialect dialect)
    {
        var text = new StringBuilder();
        var tables = AppDb.Connect("Server=unused").Schema.Tables.Concat(TestDb.Connect("Server=unused").Schema.Tables);
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal)) Write(text, table, dialect);
        return text.ToString();
    }

    private static void Write(StringBuilder text, TableInfo table, SqlDialect dialect)
    {
        var statements = table.Statements;
        text.Append("-- ").Append(table.Name).Append('\n');
        Line(text, "create", TableDdl.CreateTable(table, dialect));
        Line(text, "insert", statements.Insert.One);
        Line(text, "insert 3 rows", statements.Insert.Rows(3));
        if (statements.InsertWithKey is not null) Line(text, "insert 3 rows, keys back", statements.Insert.Rows(3) + (dialect.ReturningKey(table.KeyColumns[0]) ?? " (keys from LAST_INSERT_ID())"));
        Line(text, "upsert", statements.Insert.Upsert(dialect));
        if (statements.InsertWithKey is { } withKey)
        {
            Line(text, "insert with key", withKey.One);
            Line(text, "upsert with key", withKey.Upsert(dialect));
        }

        Line(text, "update", statements.Update ?? "(none: only key columns)");
        Line(text, "delete", statements.DeleteByKey);
        if (!ReferenceEquals(statements.DeleteByKey, statements.DeleteByKeyAndToken)) Line(text, "delete by version", statements.DeleteByKeyAndToken);
        Line(text, "find", statements.FindByKey);
        text.Append('\n');
    }

    [Theory]
    [InlineData(ReferentialAction.Cascade, false)]
    [InlineData(ReferentialAction.SetNull, false)]
    [InlineData(ReferentialAction.Restrict, true)]
    [InlineData(ReferentialAction.NoAction, true)]
    public void MySql_declares_a_range_check_only_where_no_referential_action_rewrites_the_column(ReferentialAction onDelete, bool mySqlDeclares)
    {
        var table = PlayerTable(onDelete);
        const string TeamCheck = "CONSTRAINT `ck_players_team_id` CHECK (`team_id` >= 1 AND `team_id` <= 1000)";
        const string NumberCheck = "CONSTRAINT `ck_players_number` CHECK (`number` >= 0 AND `number` <= 99)";

        var mariaDb = TableDdl.CreateTable(table, SqlDialect.MariaDb);
        var mySql = TableDdl.CreateTable(table, SqlDialect.MySql80);

        Assert.Contains(TeamCheck, mariaDb, StringComparison.Ordinal);
        Assert.Contains(NumberCheck, mariaDb, StringComparison.Ordinal);
        Assert.Equal(mySqlDeclares, mySql.Contains(TeamCheck, StringComparison.Ordinal));
        Assert.Contains(NumberCheck, mySql, StringComparison.Ordinal);
        Assert.EndsWith("COLLATE=utf8mb4_unicode_520_ci", mariaDb, StringComparison.Ordinal);
        Assert.EndsWith("COLLATE=utf8mb4_0900_ai_ci", mySql, StringComparison.Ordinal);
    }

    /// <summary>A table with a ranged foreign key, built as generated code builds one.</summary>
    private static TableInfo PlayerTable(ReferentialAction onDelete)
    {
        var id = new ColumnInfo("players", "id", "Id", typeof(int), "INT", 0, ColumnFlags.Key | ColumnFlags.AutoIncrement);
        var team = new ColumnInfo("players", "team_id", "TeamId", typeof(int?), "INT", 1, ColumnFlags.Nullable | ColumnFlags.ForeignKey, check: new CheckInfo("ck_players_team_id", "1", "1000"));
        var number = new ColumnInfo("players", "number", "Number", typeof(int), "INT", 2, ColumnFlags.None, check: new CheckInfo("ck_players_number", "0", "99"));
        var sql = new TableSql("`id`, `team_id`, `number`", "INSERT INTO `players` (`team_id`, `number`) VALUES ", "INSERT INTO `players` (`team_id`, `number`) VALUES (@p0, @p1)", 2, null, null, null, 0, [], "", "", "");
        return new TableInfo("players", "Player", [id, team, number], [id], sql, ["teams"], [], [new ForeignKeyInfo("fk_players_team_id", "team_id", "teams", "id", onDelete)]);
    }

    /// <summary>
    /// What the family asks about sessions and replication, per version where the versions differ (MySQL 8.0 reads
    /// another process list than 8.4 and 9, and has SHOW SLAVE STATUS where they have SHOW REPLICA STATUS): written after
    /// the tables, as a section of its own.
    /// </summary>
    private static string SessionStatements(string file)
    {
        var text = new StringBuilder();
        var dialects = file == "mariadb" ? new[] { SqlDialect.MariaDb } : new[] { SqlDialect.MySql80, SqlDialect.MySql84, SqlDialect.MySql9 };
        foreach (var dialect in dialects)
        {
            text.Append("-- sessions: ").Append(dialect.Name).Append('\n');
            Line(text, "session present", dialect.SessionPresent(42).Text);
            Line(text, "last write position", dialect.LastWritePosition.Text);
            Line(text, "wait for position", dialect.WaitForPosition("0-1-42", 1).Text);
            Line(text, "replica status", dialect.ReplicaStatus.Text);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string what, string sql) => text.Append(what).Append(": ").Append(sql).Append('\n');
}
