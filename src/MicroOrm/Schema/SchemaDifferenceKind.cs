namespace MicroOrm;

/// <summary>The kinds of difference the drift check reports.</summary>
public enum SchemaDifferenceKind
{
    /// <summary>A table of the model is not in the database.</summary>
    MissingTable,

    /// <summary>A column of the model is not in its table.</summary>
    MissingColumn,

    /// <summary>The table has a column the model does not map.</summary>
    ExtraColumn,

    /// <summary>A column's type differs from the model's.</summary>
    ColumnType,

    /// <summary>A column takes NULL where the model says NOT NULL, or the other way round.</summary>
    ColumnNullability,

    /// <summary>A column is AUTO_INCREMENT where the model says it is not, or the other way round.</summary>
    ColumnAutoIncrement,

    /// <summary>The primary key has other columns than the model's key.</summary>
    PrimaryKey,

    /// <summary>An index or unique key of the model is not in the table.</summary>
    MissingIndex,

    /// <summary>The table has an index the model does not declare.</summary>
    ExtraIndex,

    /// <summary>An index has other columns, or other uniqueness, than the model's.</summary>
    IndexDiffers,

    /// <summary>A foreign key of the model is not in the table.</summary>
    MissingForeignKey,

    /// <summary>The table has a foreign key the model does not declare.</summary>
    ExtraForeignKey,

    /// <summary>A foreign key references another column, or acts otherwise on delete, than the model's.</summary>
    ForeignKeyDiffers,

    /// <summary>A CHECK constraint of the model (from <c>[Range]</c>) is not in the table.</summary>
    MissingCheck,

    /// <summary>The table has a CHECK constraint the model does not declare.</summary>
    ExtraCheck,

    /// <summary>The table's collation differs from the one MicroOrm creates tables with.</summary>
    TableCollation,
}
