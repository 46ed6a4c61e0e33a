namespace MicroOrm.Generators.Model;

/// <summary>
/// A user's converter (<c>IValueConverter&lt;TValue, TColumn&gt;</c>): the converter type, the property type it
/// converts, what the column stores and how that is read. Plain strings, so models stay comparable.
/// </summary>
internal sealed record ConverterModel(string ConverterType, string ValueType, bool ValueIsValueType, string ColumnType, ValueKind ColumnKind)
{
    /// <summary>The name of the generated adapter that gives the runtime's object-based paths (conditions, projections) the converter.</summary>
    public string AdapterName => "MicroOrm" + new string(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(ConverterType.Replace("global::", ""), char.IsLetterOrDigit))) + "Adapter";
}
