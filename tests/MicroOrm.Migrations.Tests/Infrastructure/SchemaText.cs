using System.Collections.Generic;
using System.Threading.Tasks;

namespace MicroOrm.Migrations.Tests.Infrastructure;

/// <summary>
/// A database's schema as information_schema reports it, as lines of text, so that two databases (one migrated, one
/// made by <c>CreateAsync</c>) can be compared line by line. MicroOrm's own history tables are left out.
/// </summary>
internal static class SchemaText
{
    private const string Own = "TABLE_NAME NOT LIKE 'microorm\\_%'";

    public static async Task<List<string>> ReadAsync(string connectionString)
    {
        var lines = new List<string>();
        lines.AddRange(await DirectSql.RowsAsync(connectionString,
            $"SELECT 'table', TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND {Own} ORDER BY TABLE_NAME"));
        lines.AddRange(await DirectSql.RowsAsync(connectionString,
            "SELECT 'column', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME " +
            $"FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND {Own} ORDER BY TABLE_NAME, ORDINAL_POSITION"));
        lines.AddRange(await DirectSql.RowsAsync(connectionString,
            "SELECT 'index', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART " +
            $"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND {Own} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"));
        lines.AddRange(await DirectSql.RowsAsync(connectionString,
            "SELECT 'constraint', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE " +
            $"FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND {Own} ORDER BY TABLE_NAME, CONSTRAINT_NAME"));
        lines.AddRange(await DirectSql.RowsAsync(connectionString,
            "SELECT 'reference', TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME " +
            $"FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND {Own} ORDER BY TABLE_NAME, CONSTRAINT_NAME"));
        return lines;
    }
}
