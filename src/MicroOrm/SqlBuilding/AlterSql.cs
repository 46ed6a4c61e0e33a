using MicroOrm.Schema;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// The statements of a migration, one change each, so that every step can be recorded, resumed and given its own
/// algorithm. MySQL 8 and MariaDB 10.5+ spell all of them alike (<c>RENAME COLUMN</c> and <c>DROP CONSTRAINT</c> included).
/// </summary>
internal static class AlterSql
{
    public static string RenameTable(string from, string to) => $"ALTER TABLE {SqlIdentifier.Quote(from)} RENAME TO {SqlIdentifier.Quote(to)}";

    public static string DropTable(string table) => "DROP TABLE IF EXISTS " + SqlIdentifier.Quote(table);

    public static string RenameColumn(string table, string from, string to) =>
        $"{Alter(table)} RENAME COLUMN {SqlIdentifier.Quote(from)} TO {SqlIdentifier.Quote(to)}";

    public static string AddColumn(string table, ColumnShape column) => $"{Alter(table)} ADD COLUMN {TableDdl.ColumnDefinition(column)}";

    public static string ModifyColumn(string table, ColumnShape column) => $"{Alter(table)} MODIFY COLUMN {TableDdl.ColumnDefinition(column)}";

    public static string DropColumn(string table, string column) => $"{Alter(table)} DROP COLUMN {SqlIdentifier.Quote(column)}";

    public static string AddIndex(TableShape table, IndexShape index) => $"{Alter(table.Name)} ADD {TableDdl.IndexDefinition(table, index)}";

    public static string DropIndex(string table, string index) => $"{Alter(table)} DROP INDEX {SqlIdentifier.Quote(index)}";

    public static string AddForeignKey(string table, ForeignKeyShape foreignKey) => $"{Alter(table)} ADD {TableDdl.ForeignKeyDefinition(foreignKey)}";

    public static string DropForeignKey(string table, string foreignKey) => $"{Alter(table)} DROP FOREIGN KEY {SqlIdentifier.Quote(foreignKey)}";

    public static string AddCheck(string table, CheckShape check) => $"{Alter(table)} ADD {TableDdl.CheckDefinition(check)}";

    public static string DropCheck(string table, string check) => $"{Alter(table)} DROP CONSTRAINT {SqlIdentifier.Quote(check)}";

    /// <summary>The clause that makes the server refuse, rather than fall back to a slower algorithm (for checking a claim).</summary>
    public static string WithAlgorithm(string alter, AlterAlgorithm algorithm) => alter + ", ALGORITHM=" + algorithm.ToString().ToUpperInvariant();

    private static string Alter(string table) => "ALTER TABLE " + SqlIdentifier.Quote(table);
}
