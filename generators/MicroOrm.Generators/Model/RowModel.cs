namespace MicroOrm.Generators.Model;

/// <summary>A <c>[Row]</c> type: a result shape mapped by column name, with no table behind it.</summary>
internal sealed record RowModel(
    string Namespace,
    string Name,
    string FullName,
    string Kind,
    EquatableArray<ColumnModel> Columns,
    ConstructionModel Construction);
