namespace MicroOrm;

/// <summary>One way the live database differs from the model, in words a person can act on.</summary>
public sealed class SchemaDifference
{
    internal SchemaDifference(SchemaDifferenceKind kind, string table, string? column, string? name, string description)
    {
        Kind = kind;
        Table = table;
        Column = column;
        Name = name;
        Description = description;
    }

    /// <summary>What kind of difference it is.</summary>
    public SchemaDifferenceKind Kind { get; }

    /// <summary>The table it is in.</summary>
    public string Table { get; }

    /// <summary>The column it concerns, when it concerns one.</summary>
    public string? Column { get; }

    /// <summary>The index, foreign key or check constraint it concerns, when it concerns one.</summary>
    public string? Name { get; }

    /// <summary>The difference, naming the table, the column or constraint, and what each side has.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => Description;
}
