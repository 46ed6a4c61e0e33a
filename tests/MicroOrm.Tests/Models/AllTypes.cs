using System;

namespace MicroOrm.Tests.Models;

public enum Color
{
    Red,
    Green,
    Blue,
}

public enum Size : byte
{
    Small = 1,
    Medium = 2,
    Large = 3,
}

/// <summary>One property of every supported type, and its nullable form: the round-trip and snapshot model.</summary>
[Table("all_types")]
public partial class AllTypes
{
    [Key] public int Id { get; set; }

    public bool Flag { get; set; }
    public sbyte SByteValue { get; set; }
    public byte ByteValue { get; set; }
    public short ShortValue { get; set; }
    public ushort UShortValue { get; set; }
    public int IntValue { get; set; }
    public uint UIntValue { get; set; }
    public long LongValue { get; set; }
    public ulong ULongValue { get; set; }
    public float FloatValue { get; set; }
    public double DoubleValue { get; set; }
    [Precision(18, 4)] public decimal Price { get; set; }
    [Precision(65, 30)] public decimal Huge { get; set; }
    [MaxLength(100)] public string Text { get; set; } = "";
    [MaxLength(20000)] public string LongText { get; set; } = "";
    public char Letter { get; set; }
    [MaxLength(256)] public byte[] Blob { get; set; } = [];
    public byte[] BigBlob { get; set; } = [];
    public Guid GuidValue { get; set; }
    public DateTime When { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Clock { get; set; }
    public TimeSpan Duration { get; set; }
    public Color Color { get; set; }
    [StoreAsString] public Color ColorName { get; set; }
    public Size Size { get; set; }

    public bool? NullableFlag { get; set; }
    public sbyte? NullableSByte { get; set; }
    public byte? NullableByte { get; set; }
    public short? NullableShort { get; set; }
    public ushort? NullableUShort { get; set; }
    public int? NullableInt { get; set; }
    public uint? NullableUInt { get; set; }
    public long? NullableLong { get; set; }
    public ulong? NullableULong { get; set; }
    public float? NullableFloat { get; set; }
    public double? NullableDouble { get; set; }
    [Precision(18, 4)] public decimal? NullablePrice { get; set; }
    [MaxLength(100)] public string? NullableText { get; set; }
    public char? NullableLetter { get; set; }
    [MaxLength(256)] public byte[]? NullableBlob { get; set; }
    public Guid? NullableGuid { get; set; }
    public DateTime? NullableWhen { get; set; }
    public DateTimeOffset? NullableAt { get; set; }
    public DateOnly? NullableDay { get; set; }
    public TimeOnly? NullableClock { get; set; }
    public TimeSpan? NullableDuration { get; set; }
    public Color? NullableColor { get; set; }
    [StoreAsString] public Color? NullableColorName { get; set; }

    [NotMapped] public string Ignored { get; set; } = "not a column";

    /// <summary>A computed property without a setter is not a column.</summary>
    public string Summary => $"{Id}: {Text}";
}
