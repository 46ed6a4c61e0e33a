namespace MicroOrm;

/// <summary>What happens to dependent rows when the row they reference is deleted.</summary>
public enum ReferentialAction
{
    /// <summary>The delete fails while dependent rows exist (<c>ON DELETE RESTRICT</c>).</summary>
    Restrict = 0,

    /// <summary>Dependent rows are deleted too (<c>ON DELETE CASCADE</c>).</summary>
    Cascade = 1,

    /// <summary>The foreign key of dependent rows is set to NULL (<c>ON DELETE SET NULL</c>); the property must be nullable.</summary>
    SetNull = 2,

    /// <summary>Like <see cref="Restrict"/>, checked at the end of the statement (<c>ON DELETE NO ACTION</c>).</summary>
    NoAction = 3,
}
