namespace MicroOrm.Generators.Model;

/// <summary>The storage kinds a mapped property can have; each has one SQL type family and one typed getter.</summary>
internal enum ValueKind
{
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    String,
    Char,
    Bytes,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Enum,
}

internal static class ValueKindFacts
{
    public static bool IsIntegral(this ValueKind kind) =>
        kind is ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Int32
            or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64;

    public static bool IsDateTimeLike(this ValueKind kind) => kind is ValueKind.DateTime or ValueKind.DateTimeOffset;
}
