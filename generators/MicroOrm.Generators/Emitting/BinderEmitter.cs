using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes the map members that move values from an entity into parameters and back: insert, update and key binders,
/// the key itself, the generated key and the timestamps. Their value order is the placeholder order of the generated
/// statements (<see cref="StatementEmitter"/>), since both take their columns from <see cref="StatementColumns"/>: the
/// inserted columns for an insert; the updated columns, then the key, for an update (the runtime appends the token).
/// </summary>
internal static class BinderEmitter
{
    public static void Write(SourceWriter writer, EntityModel entity)
    {
        var keys = StatementColumns.Keys(entity);
        var fullName = entity.FullName;

        writer.Line($"public override void BindInsert({fullName} entity, {KnownNames.ParameterValues} values)");
        writer.Line("{").Indent();
        foreach (var column in StatementColumns.Inserted(entity)) writer.Line(Add(column, "entity." + column.PropertyName));
        writer.Outdent().Line("}");
        writer.Line();

        writer.Line($"public override void BindUpdate({fullName} entity, {KnownNames.ParameterValues} values)");
        writer.Line("{").Indent();
        foreach (var column in StatementColumns.Updated(entity)) writer.Line(Add(column, "entity." + column.PropertyName));
        foreach (var column in keys) writer.Line(Add(column, "entity." + column.PropertyName));
        writer.Outdent().Line("}");
        writer.Line();

        if (StatementColumns.Token(entity) is { } token)
        {
            writer.Line($"public override void BindConcurrencyToken({fullName} entity, {KnownNames.ParameterValues} values)");
            writer.Line("{").Indent();
            writer.Line(Add(token, "entity." + token.PropertyName));
            writer.Outdent().Line("}");
            writer.Line();
            writer.Line($"public override void AdvanceConcurrencyToken({fullName} entity)");
            writer.Line("{").Indent();
            writer.Line(Assign(token, $"unchecked(({Underlying(token)})(entity.{token.PropertyName} + 1))"));
            writer.Outdent().Line("}");
            writer.Line();
        }

        writer.Line($"public override void BindKeyOf({fullName} entity, {KnownNames.ParameterValues} values)");
        writer.Line("{").Indent();
        foreach (var column in keys) writer.Line(Add(column, "entity." + column.PropertyName));
        writer.Outdent().Line("}");
        writer.Line();

        writer.Line($"public override {entity.KeyType} GetKey({fullName} entity) => {(keys.Count == 1 ? "entity." + keys[0].PropertyName : "(" + string.Join(", ", keys.Select(k => "entity." + k.PropertyName)) + ")")};");
        writer.Line();
        writer.Line($"public override void BindKey({entity.KeyType} key, {KnownNames.ParameterValues} values)");
        writer.Line("{").Indent();
        for (var i = 0; i < keys.Count; i++) writer.Line(Add(keys[i], keys.Count == 1 ? "key" : "key.Item" + (i + 1)));
        writer.Outdent().Line("}");
        writer.Line();

        var generated = StatementColumns.GeneratedKey(entity);
        writer.Line($"public override void SetGeneratedKey({fullName} entity, long value)");
        writer.Line("{").Indent();
        if (generated is null)
        {
            writer.Line($"throw new {KnownNames.InvalidOperationException}(\"{entity.Name} has no AUTO_INCREMENT key.\");");
        }
        else
        {
            writer.Line(Assign(generated, generated.Converter is { } converter
                ? $"{converter.ConverterType}.FromColumn(checked(({converter.ColumnType})value))"
                : $"checked(({Underlying(generated)})value)"));
        }

        writer.Outdent().Line("}");
        writer.Line();

        writer.Line($"public override void Stamp({fullName} entity, {KnownNames.DateTime} utcNow, bool inserting)");
        writer.Line("{").Indent();
        foreach (var column in entity.Columns.Where(c => c.Role != ColumnRole.None))
        {
            var value = column.Kind == ValueKind.DateTimeOffset ? $"new {KnownNames.DateTimeOffset}(utcNow)" : "utcNow";
            var assignment = Assign(column, value);
            writer.Line(column.Role == ColumnRole.CreatedAt ? $"if (inserting) {assignment}" : assignment);
        }

        writer.Outdent().Line("}");
        WriteTenant(writer, entity);
        WriteAccessors(writer, entity);
    }

    /// <summary>
    /// The tenant key's claim: an unset key (the type's default) takes the tenant, another tenant's is refused before
    /// anything is sent. Compared with the type's default equality, so a converted key compares as the property does.
    /// </summary>
    private static void WriteTenant(SourceWriter writer, EntityModel entity)
    {
        if (entity.Columns.FirstOrDefault(c => c.IsTenantKey) is not { } tenant) return;
        var type = Underlying(tenant);
        var comparer = $"global::System.Collections.Generic.EqualityComparer<{type}>.Default";
        writer.Line();
        writer.Line($"public override void ClaimTenant({entity.FullName} entity, object tenant)");
        writer.Line("{").Indent();
        writer.Line($"var value = ({type})tenant;");
        writer.Line($"if ({comparer}.Equals(entity.{tenant.PropertyName}, default!)) {Assign(tenant, "value")}");
        writer.Line($"else if (!{comparer}.Equals(entity.{tenant.PropertyName}, value)) throw OtherTenant(entity.{tenant.PropertyName}, value);");
        writer.Outdent().Line("}");
        writer.Line();
        writer.Line($"public override object? TenantOf({entity.FullName} entity) => entity.{tenant.PropertyName};");
    }

    /// <summary>
    /// Init-only properties (records, <c>init</c> accessors) can be set only in an object initializer; a key the server
    /// generated and timestamps arrive after construction, so they go through an accessor the compiler binds at
    /// build time (no reflection).
    /// </summary>
    private static void WriteAccessors(SourceWriter writer, EntityModel entity)
    {
        foreach (var column in PostConstructionTargets(entity).Where(c => c.IsInitOnly))
        {
            writer.Line();
            writer.Line($"[{KnownNames.UnsafeAccessor}({KnownNames.UnsafeAccessorKind}.Method, Name = \"set_{column.PropertyName}\")]");
            writer.Line($"private static extern void Set{column.PropertyName}({entity.FullName} entity, {column.PropertyType} value);");
        }
    }

    private static IEnumerable<ColumnModel> PostConstructionTargets(EntityModel entity) =>
        entity.Columns.Where(c => c.Role != ColumnRole.None || (c.IsKey && c.IsAutoIncrement) || c.IsConcurrencyToken || c.IsTenantKey);

    private static string Assign(ColumnModel column, string value) =>
        column.IsInitOnly ? $"Set{column.PropertyName}(entity, {value});" : $"entity.{column.PropertyName} = {value};";

    /// <summary>The statement that binds <paramref name="value"/> to <paramref name="column"/>'s parameter.</summary>
    internal static string Add(ColumnModel column, string value) => $"values.Add({EntityEmitter.InfoName(column)}, {value});";

    private static string Underlying(ColumnModel column) => column.PropertyType.TrimEnd('?');
}
