using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Emitting;

/// <summary>
/// Writes an entity's navigations: one descriptor per navigation property, with static lambdas that read the keys on
/// both sides and set the properties (through a compile-time accessor where a setter is init-only or not visible),
/// plus the key comparer used as the identity map of joined loads.
/// </summary>
internal static class NavigationEmitter
{
    public static void WriteColumnSetMembers(SourceWriter writer, EntityModel entity)
    {
        foreach (var navigation in entity.Navigations)
        {
            writer.Line();
            writer.Line($"/// <summary>The navigation <see cref=\"{navigation.PropertyName}\"/>, for <c>Include</c> and <c>LoadAsync</c>.</summary>");
            writer.Line($"public {DescriptorType(entity, navigation)} {navigation.PropertyName} => MicroOrmMap.{navigation.PropertyName}Navigation;");
        }
    }

    public static void WriteMapMembers(SourceWriter writer, EntityModel entity)
    {
        foreach (var navigation in entity.Navigations)
        {
            WriteDescriptor(writer, entity, navigation);
            writer.Line();
        }

        // Static, and after the descriptors: static fields initialize in the order they are written.
        writer.Line($"private static readonly {KnownNames.Navigation}[] AllNavigations = {Literals.Array(KnownNames.Navigation, entity.Navigations.Select(n => n.PropertyName + "Navigation"))};");
        writer.Line();
        writer.Line($"public override {KnownNames.IReadOnlyList}<{KnownNames.Navigation}> Navigations => AllNavigations;");
        writer.Line();
        var generated = entity.Columns.FirstOrDefault(c => c.IsKey && c.IsAutoIncrement);
        var stored = generated?.Converter is { } converter ? $"{converter.ConverterType}.ToColumn(entity.{generated.PropertyName})" : $"entity.{generated?.PropertyName}";
        writer.Line($"public override bool HasGeneratedKeyValue({entity.FullName} entity) => {(generated is null ? "false" : stored + " != 0")};");
        writer.Line();
        WriteKeyComparer(writer, entity);
        foreach (var accessor in Accessors(entity).Distinct())
        {
            writer.Line();
            writer.Line($"[{KnownNames.UnsafeAccessor}({KnownNames.UnsafeAccessorKind}.Method, Name = \"set_{accessor.Property}\")]");
            writer.Line($"private static extern void {accessor.Name}({accessor.Owner} entity, {accessor.Type} value);");
        }
    }

    private static void WriteDescriptor(SourceWriter writer, EntityModel entity, NavigationModel navigation)
    {
        var target = navigation.TargetType;
        var targetMap = $"{KnownNames.EntityMaps}.Of<{target}, {target}.Columns, {navigation.TargetKeyType}>()";
        var belongsTo = navigation.Kind == NavigationKind.BelongsTo;
        // The source side matches on its own key (HasMany/HasOne) or its own foreign key (BelongsTo); the target on the other.
        var sourceColumn = belongsTo ? navigation.ForeignKeyProperty : navigation.PrincipalKeyProperty;
        var targetColumn = belongsTo ? navigation.PrincipalKeyProperty : navigation.ForeignKeyProperty;
        var sourceKey = KeyGetter(entity.FullName, navigation.KeyType, sourceColumn, nullable: belongsTo && navigation.ForeignKeyNullable);
        var targetKey = KeyGetter(target, navigation.KeyType, targetColumn, nullable: !belongsTo && navigation.ForeignKeyNullable);

        writer.Line($"internal static readonly {DescriptorType(entity, navigation)} {navigation.PropertyName}Navigation = new(");
        writer.Indent();
        writer.Line($"{Literals.String(navigation.PropertyName)},");
        writer.Line($"{KnownNames.NavigationKind}.{navigation.Kind},");
        writer.Line($"static () => {targetMap},");
        writer.Line($"static () => {sourceColumn}Column,");
        writer.Line($"static () => {targetMap}.GetColumns(0).{targetColumn}.Info,");
        writer.Line($"{sourceKey},");
        writer.Line($"{targetKey},");
        writer.Line($"new {KnownNames.NavigationSetters}<{entity.FullName}, {target}, {navigation.KeyType}>");
        writer.Line("{");
        writer.Indent();
        var own = Set(navigation.PropertyInitOnly, plain: true, $"Set{navigation.PropertyName}", "entity", navigation.PropertyName);
        if (navigation.Kind == NavigationKind.HasMany)
        {
            writer.Line($"SetCollection = static (entity, items) => {own("items")},");
            writer.Line($"GetCollection = static entity => entity.{navigation.PropertyName},");
        }
        else
        {
            writer.Line($"SetReference = static (entity, item) => {own("item!")},");
            writer.Line($"GetReference = static entity => entity.{navigation.PropertyName},");
        }

        if (belongsTo)
        {
            var foreignKey = entity.Columns.First(c => c.PropertyName == navigation.ForeignKeyProperty);
            var setForeignKey = Set(foreignKey.IsInitOnly, plain: true, $"Set{navigation.ForeignKeyProperty}", "entity", navigation.ForeignKeyProperty);
            writer.Line($"SetSourceForeignKey = static (entity, key) => {setForeignKey("key")},");
        }
        else
        {
            var setForeignKey = Set(initOnly: false, navigation.ForeignKeySetterPlain, CrossAccessor(navigation, navigation.ForeignKeyProperty), "item", navigation.ForeignKeyProperty);
            writer.Line($"SetTargetForeignKey = static (item, key) => {setForeignKey("key")},");
            if (navigation.InverseProperty is { } inverse)
            {
                var setInverse = Set(initOnly: false, navigation.InverseSetterPlain, CrossAccessor(navigation, inverse), "item", inverse);
                writer.Line($"SetInverse = static (item, entity) => {setInverse("entity")},");
            }
        }

        writer.Outdent();
        writer.Line("});");
        writer.Outdent();
    }

    private static void WriteKeyComparer(SourceWriter writer, EntityModel entity)
    {
        var keys = entity.Columns.Where(c => c.IsKey).OrderBy(c => c.KeyOrder).ToList();
        var equal = string.Join(" && ", keys.Select(k => $"{KnownNames.EqualityComparer}<{k.PropertyType}>.Default.Equals(x.{k.PropertyName}, y.{k.PropertyName})"));
        var hash = keys.Count == 1 ? $"{KnownNames.EqualityComparer}<{keys[0].PropertyType}>.Default.GetHashCode(entity.{keys[0].PropertyName}!)" : $"{KnownNames.HashCode}.Combine({string.Join(", ", keys.Select(k => "entity." + k.PropertyName))})";
        writer.Line($"public override {KnownNames.IEqualityComparer}<{entity.FullName}> KeyComparer => KeyEquality.Instance;");
        writer.Line();
        writer.Line("/// <summary>Two objects are the same row when their keys are equal.</summary>");
        writer.Line($"private sealed class KeyEquality : {KnownNames.IEqualityComparer}<{entity.FullName}>");
        writer.Line("{").Indent();
        writer.Line("internal static readonly KeyEquality Instance = new();");
        writer.Line();
        writer.Line($"public bool Equals({entity.FullName}? x, {entity.FullName}? y) => ReferenceEquals(x, y) || (x is not null && y is not null && {equal});");
        writer.Line();
        writer.Line($"public int GetHashCode({entity.FullName} entity) => {hash};");
        writer.Outdent().Line("}");
    }

    private static string DescriptorType(EntityModel entity, NavigationModel navigation) =>
        $"{KnownNames.Navigation}<{entity.FullName}, {navigation.TargetType}, {navigation.TargetType}.Columns, {navigation.KeyType}>";

    private static string KeyGetter(string owner, string keyType, string property, bool nullable) => nullable
        ? $"static ({owner} entity, out {keyType} key) => {{ if (entity.{property} is {{ }} value) {{ key = value; return true; }} key = default!; return false; }}"
        : $"static ({owner} entity, out {keyType} key) => {{ key = entity.{property}; return true; }}";

    /// <summary>An assignment, or a call to the accessor when the setter is init-only or not visible from here.</summary>
    private static System.Func<string, string> Set(bool initOnly, bool plain, string accessor, string target, string property) =>
        value => initOnly || !plain ? $"{accessor}({target}, {value})" : $"{target}.{property} = {value}";

    private static string CrossAccessor(NavigationModel navigation, string property) =>
        "Set" + navigation.TargetType.Split('.').Last() + property;

    private static IEnumerable<(string Name, string Owner, string Property, string Type)> Accessors(EntityModel entity)
    {
        foreach (var navigation in entity.Navigations)
        {
            if (navigation.PropertyInitOnly) yield return ($"Set{navigation.PropertyName}", entity.FullName, navigation.PropertyName, navigation.PropertyType);
            if (navigation.Kind == NavigationKind.BelongsTo)
            {
                var foreignKey = entity.Columns.First(c => c.PropertyName == navigation.ForeignKeyProperty);
                // The key and timestamps write their own init accessors; a foreign key that is neither needs one here.
                if (foreignKey.IsInitOnly && foreignKey.Role == ColumnRole.None && !(foreignKey.IsKey && foreignKey.IsAutoIncrement))
                {
                    yield return ($"Set{navigation.ForeignKeyProperty}", entity.FullName, navigation.ForeignKeyProperty, foreignKey.PropertyType);
                }

                continue;
            }

            if (!navigation.ForeignKeySetterPlain) yield return (CrossAccessor(navigation, navigation.ForeignKeyProperty), navigation.TargetType, navigation.ForeignKeyProperty, navigation.ForeignKeyType);
            if (navigation.InverseProperty is { } inverse && !navigation.InverseSetterPlain) yield return (CrossAccessor(navigation, inverse), navigation.TargetType, inverse, navigation.InversePropertyType!);
        }
    }
}
