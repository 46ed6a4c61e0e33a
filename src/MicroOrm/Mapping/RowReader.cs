using System.ComponentModel;
using System.Data.Common;

namespace MicroOrm.Mapping;

/// <summary>
/// Reads rows of one result set into <typeparamref name="T"/>. Generated subclasses hold the ordinals they resolved
/// when created and read each column with its typed getter.
/// </summary>
/// <typeparam name="T">The mapped type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RowReader<T>
{
    /// <summary>Materializes the reader's current row.</summary>
    public abstract T Read(DbDataReader reader);
}
