namespace MicroOrm.Generators.Model;

/// <summary>
/// A user's converter (<c>IValueConverter&lt;TValue, TColumn&gt;</c>): the converter type, the property type it
/// converts, what the column stores and how that is read. Plain strings, so models stay comparable.
/// </summary>
/// <remarks>
/// A JSON property (<c>[Json(typeof(Context))]</c>) has a converter the generator writes itself, nested in the entity:
/// <see cref="JsonContext"/> names the source-generated context, and it is not registered for raw SQL (its value type,
/// a list for one, would take over every hole of that type).
/// </remarks>
internal sealed record ConverterModel(string ConverterType, string ValueType, bool ValueIsValueType, string ColumnType, ValueKind ColumnKind, string? JsonContext = null)
{
    /// <summary>The name of the generated adapter that gives the runtime's object-based paths (conditions, projections) the converter.</summary>
    public string AdapterName => "MicroOrm" + new string(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(ConverterType.Replace("global::", ""), char.IsLetterOrDigit))) + "Adapter";
}
