namespace MicroOrm.Generators.Emitting;

/// <summary>
/// The runtime types generated code names, fully qualified with <c>global::</c> so that no user type or namespace can
/// capture them. One table, so that a type that moves or is renamed in the runtime changes here only; generic types
/// are named without their type arguments, which the emitters append.
/// </summary>
internal static class KnownNames
{
    // The framework.
    public const string DbDataReader = "global::System.Data.Common.DbDataReader";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string IEqualityComparer = "global::System.Collections.Generic.IEqualityComparer";
    public const string EqualityComparer = "global::System.Collections.Generic.EqualityComparer";
    public const string UnsafeAccessor = "global::System.Runtime.CompilerServices.UnsafeAccessor";
    public const string UnsafeAccessorKind = "global::System.Runtime.CompilerServices.UnsafeAccessorKind";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string EditorBrowsable = "global::System.ComponentModel.EditorBrowsable";
    public const string ModuleInitializer = "global::System.Runtime.CompilerServices.ModuleInitializer";
    public const string Converters = "global::MicroOrm.Mapping.Converters";
    public const string IValueConverter = "global::MicroOrm.IValueConverter";
    public const string JsonColumn = "global::MicroOrm.JsonColumn";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    public const string JsonSerializer = "global::System.Text.Json.JsonSerializer";
    public const string EditorBrowsableState = "global::System.ComponentModel.EditorBrowsableState";
    public const string Regex = "global::System.Text.RegularExpressions.Regex";
    public const string RegexOptions = "global::System.Text.RegularExpressions.RegexOptions";
    public const string Array = "global::System.Array";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string Exception = "global::System.Exception";
    public const string HashCode = "global::System.HashCode";
    public const string DateTime = "global::System.DateTime";
    public const string DateTimeOffset = "global::System.DateTimeOffset";
    public const string DateOnly = "global::System.DateOnly";
    public const string TimeOnly = "global::System.TimeOnly";
    public const string TimeSpan = "global::System.TimeSpan";
    public const string MySqlConnection = "global::MySqlConnector.MySqlConnection";

    // MicroOrm's public API.
    public const string Column = "global::MicroOrm.Column";
    public const string ColumnSet = "global::MicroOrm.ColumnSet";
    public const string Table = "global::MicroOrm.Table";
    public const string ReadOnlyTable = "global::MicroOrm.ReadOnlyTable";
    public const string DatabaseContext = "global::MicroOrm.DatabaseContext";
    public const string IDatabase = "global::MicroOrm.IDatabase";
    public const string ReadOnlyDatabase = "global::MicroOrm.ReadOnlyDatabase";
    public const string ConnectionSource = "global::MicroOrm.ConnectionSource";
    public const string ConnectionStrings = "global::MicroOrm.ConnectionStrings";
    public const string MicroOrmOptions = "global::MicroOrm.MicroOrmOptions";
    public const string ReferentialAction = "global::MicroOrm.ReferentialAction";
    public const string Migration = "global::MicroOrm.Migration";
    public const string Navigation = "global::MicroOrm.Navigation";
    public const string NavigationKind = "global::MicroOrm.NavigationKind";
    public const string NavigationSetters = "global::MicroOrm.NavigationSetters";

    // MicroOrm.Mapping, the surface generated code is written against.
    public const string IEntity = "global::MicroOrm.Mapping.IEntity";
    public const string IRow = "global::MicroOrm.Mapping.IRow";
    public const string EntityMap = "global::MicroOrm.Mapping.EntityMap";
    public const string EntityMaps = "global::MicroOrm.Mapping.EntityMaps";
    public const string RowReader = "global::MicroOrm.Mapping.RowReader";
    public const string ColumnInfo = "global::MicroOrm.Mapping.ColumnInfo";
    public const string ColumnFlags = "global::MicroOrm.Mapping.ColumnFlags";
    public const string ColumnNames = "global::MicroOrm.Mapping.ColumnNames";
    public const string TableInfo = "global::MicroOrm.Mapping.TableInfo";
    public const string IndexInfo = "global::MicroOrm.Mapping.IndexInfo";
    public const string TableSql = "global::MicroOrm.Mapping.TableSql";
    public const string CheckInfo = "global::MicroOrm.Mapping.CheckInfo";
    public const string ForeignKeyInfo = "global::MicroOrm.Mapping.ForeignKeyInfo";
    public const string ParameterValues = "global::MicroOrm.Mapping.ParameterValues";
    public const string ValidationErrors = "global::MicroOrm.Mapping.ValidationErrors";
    public const string ValueChecks = "global::MicroOrm.Mapping.ValueChecks";
    public const string ValueValidator = "global::MicroOrm.Mapping.ValueValidator";
    public const string ValueConverter = "global::MicroOrm.Mapping.ValueConverter";
    public const string ReadErrors = "global::MicroOrm.Mapping.ReadErrors";
}
