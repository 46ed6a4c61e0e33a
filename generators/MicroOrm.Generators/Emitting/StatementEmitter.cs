using System.Collections.Generic;
using System.Linq;
using System.Text;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes an entity's fixed statements as constants in its map: the select list, the one-row inserts, update,
/// delete and find by key. MySQL and MariaDB spell all of them alike; what the dialects spell differently (the
/// upsert, the DDL) and what depends on values (rows of a multi-row insert, IN lists, paging) the runtime writes.
/// Placeholders are numbered in the order the binders add values.
/// </summary>
internal static class StatementEmitter
{
    public static void WriteConstants(SourceWriter writer, EntityModel entity)
    {
        var table = Quote(entity.TableName);
        var keys = StatementColumns.Keys(entity);
        var token = StatementColumns.Token(entity);
        var inserted = StatementColumns.Inserted(entity);
        var updated = StatementColumns.Updated(entity);
        var generatedKey = StatementColumns.GeneratedKey(entity);

        writer.Line($"private const string SelectList = {Literals.String(List(entity.Columns))};");
        writer.Line($"private const string InsertPrefix = {Literals.String($"INSERT INTO {table} ({List(inserted)}) VALUES ")};");
        writer.Line($"private const string InsertSql = InsertPrefix + {Literals.String(Row(inserted.Count))};");
        if (generatedKey is not null)
        {
            // A key the caller set (read from the table, or chosen) is sent, never silently replaced by a new one.
            var withKey = new List<ColumnModel> { generatedKey };
            withKey.AddRange(inserted);
            writer.Line($"private const string InsertWithKeyPrefix = {Literals.String($"INSERT INTO {table} ({List(withKey)}) VALUES ")};");
            writer.Line($"private const string InsertWithKeySql = InsertWithKeyPrefix + {Literals.String(Row(withKey.Count))};");
        }

        var parameter = 0;
        if (updated.Count > 0 || token is not null)
        {
            var sets = updated.Select(c => $"{Quote(c.ColumnName)} = @p{parameter++}").ToList();
            // The version moves on with every update; the WHERE checks the one the entity was read with.
            if (token is not null) sets.Add($"{Quote(token.ColumnName)} = {Quote(token.ColumnName)} + 1");
            var update = $"UPDATE {table} SET {string.Join(", ", sets)}{KeyCondition(keys, ref parameter)}{TokenCondition(token, ref parameter)}";
            writer.Line($"private const string UpdateSql = {Literals.String(update)};");
        }

        var updateParameters = parameter;
        parameter = 0;
        writer.Line($"private const string DeleteSql = {Literals.String($"DELETE FROM {table}{KeyCondition(keys, ref parameter)}")};");
        if (token is not null) writer.Line($"private const string DeleteWithTokenSql = DeleteSql + {Literals.String(TokenCondition(token, ref parameter))};");
        parameter = 0;
        writer.Line($"private const string FindSql = \"SELECT \" + SelectList + {Literals.String($" FROM {table}{KeyCondition(keys, ref parameter)}")};");
        writer.Line();

        writer.Line($"private static readonly {KnownNames.TableSql} FixedSql = new(");
        writer.Indent();
        writer.Line("selectList: SelectList,");
        writer.Line("insertPrefix: InsertPrefix,");
        writer.Line("insert: InsertSql,");
        writer.Line($"insertColumnCount: {inserted.Count},");
        writer.Line($"insertWithKeyPrefix: {(generatedKey is null ? "null" : "InsertWithKeyPrefix")},");
        writer.Line($"insertWithKey: {(generatedKey is null ? "null" : "InsertWithKeySql")},");
        writer.Line($"update: {(updated.Count > 0 || token is not null ? "UpdateSql" : "null")},");
        writer.Line($"updateParameterCount: {updateParameters},");
        writer.Line($"updatedColumns: {Literals.Array(KnownNames.ColumnInfo, updated.Select(c => EntityEmitter.InfoName(c)))},");
        writer.Line("deleteByKey: DeleteSql,");
        writer.Line($"deleteByKeyAndToken: {(token is null ? "DeleteSql" : "DeleteWithTokenSql")},");
        writer.Line("findByKey: FindSql);");
        writer.Outdent();
    }

    private static string List(IEnumerable<ColumnModel> columns) => string.Join(", ", columns.Select(c => Quote(c.ColumnName)));

    private static string Row(int count)
    {
        var row = new StringBuilder("(");
        for (var i = 0; i < count; i++) row.Append(i > 0 ? ", " : "").Append("@p").Append(i);
        return row.Append(')').ToString();
    }

    private static string KeyCondition(List<ColumnModel> keys, ref int parameter)
    {
        var parts = new List<string>();
        foreach (var key in keys) parts.Add($"{Quote(key.ColumnName)} = @p{parameter++}");
        return " WHERE " + string.Join(" AND ", parts);
    }

    private static string TokenCondition(ColumnModel? token, ref int parameter) =>
        token is null ? "" : $" AND {Quote(token.ColumnName)} = @p{parameter++}";

    /// <summary>Table and column names are valid identifiers (the parser reports any other as MORM0012), so backticks suffice.</summary>
    private static string Quote(string identifier) => "`" + identifier + "`";
}
