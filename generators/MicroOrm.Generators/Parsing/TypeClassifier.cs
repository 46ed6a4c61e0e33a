using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Which <see cref="ValueKind"/> a property type is, and which SQL type stores it.</summary>
internal static class TypeClassifier
{
    public const int DefaultStringLength = 255;
    public const int LongestVarchar = 4095;
    public const int DefaultPrecision = 18;
    public const int DefaultScale = 2;

    /// <summary>Classifies <paramref name="type"/>, looking through <see cref="System.Nullable{T}"/>.</summary>
    public static bool TryClassify(KnownSymbols known, ITypeSymbol type, out ValueKind kind, out bool isNullableValueType, out INamedTypeSymbol? enumType)
    {
        enumType = null;
        var underlying = ModelSymbols.UnwrapNullable(type);
        isNullableValueType = !SymbolEqualityComparer.Default.Equals(underlying, type);
        if (underlying is INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
        {
            enumType = named;
            kind = ValueKind.Enum;
            return true;
        }

        if (underlying is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            kind = ValueKind.Bytes;
            return true;
        }

        switch (underlying.SpecialType)
        {
            case SpecialType.System_Boolean: kind = ValueKind.Boolean; return true;
            case SpecialType.System_SByte: kind = ValueKind.SByte; return true;
            case SpecialType.System_Byte: kind = ValueKind.Byte; return true;
            case SpecialType.System_Int16: kind = ValueKind.Int16; return true;
            case SpecialType.System_UInt16: kind = ValueKind.UInt16; return true;
            case SpecialType.System_Int32: kind = ValueKind.Int32; return true;
            case SpecialType.System_UInt32: kind = ValueKind.UInt32; return true;
            case SpecialType.System_Int64: kind = ValueKind.Int64; return true;
            case SpecialType.System_UInt64: kind = ValueKind.UInt64; return true;
            case SpecialType.System_Single: kind = ValueKind.Single; return true;
            case SpecialType.System_Double: kind = ValueKind.Double; return true;
            case SpecialType.System_Decimal: kind = ValueKind.Decimal; return true;
            case SpecialType.System_String: kind = ValueKind.String; return true;
            case SpecialType.System_Char: kind = ValueKind.Char; return true;
            case SpecialType.System_DateTime: kind = ValueKind.DateTime; return true;
        }

        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(underlying, known.Guid)) { kind = ValueKind.Guid; return true; }
        if (comparer.Equals(underlying, known.DateTimeOffset)) { kind = ValueKind.DateTimeOffset; return true; }
        if (comparer.Equals(underlying, known.DateOnly)) { kind = ValueKind.DateOnly; return true; }
        if (comparer.Equals(underlying, known.TimeOnly)) { kind = ValueKind.TimeOnly; return true; }
        if (comparer.Equals(underlying, known.TimeSpan)) { kind = ValueKind.TimeSpan; return true; }

        kind = default;
        return false;
    }

    public static ValueKind KindOfEnumUnderlying(INamedTypeSymbol enumType) =>
        enumType.EnumUnderlyingType?.SpecialType switch
        {
            SpecialType.System_SByte => ValueKind.SByte,
            SpecialType.System_Byte => ValueKind.Byte,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            _ => ValueKind.Int32,
        };

    /// <summary>The SQL type for a kind, given the length, precision and enum facts the attributes supplied.</summary>
    public static string SqlType(ValueKind kind, int maxLength, int precision, int scale, EnumModel? enumModel) => kind switch
    {
        ValueKind.Boolean => "TINYINT(1)",
        ValueKind.SByte => "TINYINT",
        ValueKind.Byte => "TINYINT UNSIGNED",
        ValueKind.Int16 => "SMALLINT",
        ValueKind.UInt16 => "SMALLINT UNSIGNED",
        ValueKind.Int32 => "INT",
        ValueKind.UInt32 => "INT UNSIGNED",
        ValueKind.Int64 => "BIGINT",
        ValueKind.UInt64 => "BIGINT UNSIGNED",
        // Not FLOAT: the server sends FLOAT results as text with 6 significant digits, which loses most floats;
        // every float is exactly a double, and DOUBLE results come back in full.
        ValueKind.Single => "DOUBLE",
        ValueKind.Double => "DOUBLE",
        ValueKind.Decimal => $"DECIMAL({precision},{scale})",
        ValueKind.String => StringType(maxLength),
        ValueKind.Char => "VARCHAR(1)", // not CHAR(1): CHAR strips trailing spaces, so a space would not round-trip
        ValueKind.Bytes => BinaryType(maxLength),
        ValueKind.Guid => "CHAR(36)",
        ValueKind.DateTime => "DATETIME(6)",
        ValueKind.DateTimeOffset => "DATETIME(6)",
        ValueKind.DateOnly => "DATE",
        ValueKind.TimeOnly => "TIME(6)",
        ValueKind.TimeSpan => "TIME(6)",
        ValueKind.Enum when enumModel is { StoreAsString: true } => $"VARCHAR({maxLength})",
        ValueKind.Enum => SqlType(enumModel!.UnderlyingKind, 0, 0, 0, null),
        _ => "TEXT",
    };

    private static string StringType(int maxLength) => maxLength switch
    {
        <= LongestVarchar => $"VARCHAR({maxLength})",
        <= 16383 => "TEXT",
        <= 4194303 => "MEDIUMTEXT",
        _ => "LONGTEXT",
    };

    private static string BinaryType(int maxLength) => maxLength switch
    {
        0 => "LONGBLOB",
        <= LongestVarchar => $"VARBINARY({maxLength})",
        <= 65535 => "BLOB",
        <= 16777215 => "MEDIUMBLOB",
        _ => "LONGBLOB",
    };
}
