namespace MicroOrm.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one entity's code: plain values only, compared by value, and no source
/// location, so that an edit which only moves the class (a line added above it) leaves the model equal and its code
/// cached. Diagnostics carry their locations on their own path (<see cref="ParseResult{T}"/>).
/// </summary>
internal sealed record EntityModel(
    string Namespace,
    string Name,
    string FullName,
    bool IsRecord,
    string TableName,
    string AccessorName,
    string KeyType,
    EquatableArray<ColumnModel> Columns,
    EquatableArray<IndexModel> Indexes,
    EquatableArray<NavigationModel> Navigations,
    ConstructionModel Construction,
    string? Was = null,
    bool TracksChanges = false)
{
    public string ColumnsTypeName => FullName + ".Columns";
}

/// <summary>How the mapper creates the object: which columns go to constructor parameters, in order.</summary>
internal sealed record ConstructionModel(EquatableArray<string> ConstructorProperties);
