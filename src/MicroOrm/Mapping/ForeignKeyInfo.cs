namespace MicroOrm.Mapping;

/// <summary>A foreign key constraint of a table, as declared on the model.</summary>
public sealed class ForeignKeyInfo
{
    /// <summary>Created by generated code.</summary>
    public ForeignKeyInfo(string name, string column, string principalTable, string principalColumn, ReferentialAction onDelete)
    {
        Name = name;
        Column = column;
        PrincipalTable = principalTable;
        PrincipalColumn = principalColumn;
        OnDelete = onDelete;
    }

    /// <summary>The constraint name.</summary>
    public string Name { get; }

    /// <summary>The foreign key column of this table.</summary>
    public string Column { get; }

    /// <summary>The referenced table.</summary>
    public string PrincipalTable { get; }

    /// <summary>The referenced key column.</summary>
    public string PrincipalColumn { get; }

    /// <summary>What the server does to this table's rows when the referenced row is deleted.</summary>
    public ReferentialAction OnDelete { get; }
}
