using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes what a <c>[TrackChanges]</c> entity records: a mask with one bit per column an update sets, the partial
/// properties' implementations (a field, and a setter that sets the column's bit), and the map members that read,
/// bind and clear the mask. Bit <c>i</c> is the <c>i</c>-th of <see cref="StatementColumns.Updated"/>, the order of
/// <c>TableSql.UpdatedColumns</c>, where the runtime writes the UPDATE of those bits.
/// </summary>
internal static class ChangeTrackingEmitter
{
    private const string Mask = "_microOrmChanged";

    public static void WriteProperties(SourceWriter writer, EntityModel entity)
    {
        var bits = Bits(entity);
        writer.Line("/// <summary>The columns assigned since the row was read or written: bit i is the i-th column an update sets.</summary>");
        writer.Line($"private ulong {Mask};");
        foreach (var column in entity.Columns)
        {
            if (column.Partial is not { } partial) continue;
            var field = "_microOrm" + column.PropertyName;
            var record = bits.TryGetValue(column.PropertyName, out var bit) ? $" {Mask} |= 1UL << {bit};" : "";
            writer.Line();
            writer.Line($"private {column.PropertyType} {field} = default!;");
            writer.Line();
            writer.Line($"{partial.Declaration} {{ {partial.Getter} => {field}; {partial.Setter} {{ {field} = value;{record} }} }}");
        }
    }

    public static void WriteMapMembers(SourceWriter writer, EntityModel entity)
    {
        var fullName = entity.FullName;
        writer.Line();
        writer.Line("public override bool TracksChanges => true;");
        writer.Line();
        writer.Line($"public override ulong ChangedColumns({fullName} entity) => entity.{Mask};");
        writer.Line();
        writer.Line($"public override void AcceptChanges({fullName} entity) => entity.{Mask} = 0;");
        writer.Line();
        writer.Line($"public override void BindChanged({fullName} entity, ulong changed, {KnownNames.ParameterValues} values)");
        writer.Line("{").Indent();
        var updated = StatementColumns.Updated(entity);
        for (var i = 0; i < updated.Count; i++)
        {
            writer.Line($"if ((changed & (1UL << {i})) != 0) {Add(updated[i])}");
        }

        foreach (var key in StatementColumns.Keys(entity)) writer.Line(Add(key));
        writer.Outdent().Line("}");
    }

    /// <summary>The statement that clears the mask of a row just read, for the readers.</summary>
    public static string AcceptRead(string entity) => $"{entity}.{Mask} = 0;";

    private static Dictionary<string, int> Bits(EntityModel entity)
    {
        var updated = StatementColumns.Updated(entity);
        var bits = new Dictionary<string, int>();
        for (var i = 0; i < updated.Count; i++) bits[updated[i].PropertyName] = i;
        return bits;
    }

    private static string Add(ColumnModel column) => BinderEmitter.Add(column, "entity." + column.PropertyName);
}
