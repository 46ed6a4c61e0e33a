using System.Collections.Generic;

namespace MicroOrm.Mapping;

/// <summary>An index or unique key of a table, as declared on the model.</summary>
public sealed class IndexInfo
{
    /// <summary>Created by generated code.</summary>
    public IndexInfo(string name, bool isUnique, string[] columns)
    {
        Name = name;
        IsUnique = isUnique;
        Columns = columns;
    }

    /// <summary>The index name.</summary>
    public string Name { get; }

    /// <summary>Whether the index is a UNIQUE key.</summary>
    public bool IsUnique { get; }

    /// <summary>The indexed columns, in index order.</summary>
    public IReadOnlyList<string> Columns { get; }
}
