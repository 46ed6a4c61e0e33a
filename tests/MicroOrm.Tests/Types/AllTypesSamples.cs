using System;
using System.Linq;
using MicroOrm.Tests.Models;

namespace MicroOrm.Tests.Types;

/// <summary>Instances of <see cref="AllTypes"/> at the edges of what each column holds.</summary>
internal static class AllTypesSamples
{
    /// <summary>DATETIME(6) and TIME(6) keep microseconds: the last tick digit of a .NET value is not stored.</summary>
    public static readonly DateTime LatestDateTime = new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990);
    public static readonly DateTime EarliestDateTime = new(1000, 1, 1);
    public static readonly TimeSpan LongestTime = new TimeSpan(838, 59, 59).Add(TimeSpan.FromTicks(9_999_990));

    public static AllTypes Typical() => new()
    {
        Flag = true,
        SByteValue = -5,
        ByteValue = 200,
        ShortValue = -3000,
        UShortValue = 60000,
        IntValue = 123456,
        UIntValue = 4000000000,
        LongValue = -9000000000,
        ULongValue = 18000000000000000000,
        FloatValue = 1.5f,
        DoubleValue = Math.PI,
        Price = 1234.5678m,
        Huge = 12345678901234567890.123456789m,
        Text = "Texas",
        LongText = "long text",
        Letter = 'x',
        Blob = [1, 2, 3, 0, 255],
        BigBlob = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray(),
        GuidValue = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        When = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(678900),
        At = new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero),
        Day = new DateOnly(2022, 12, 31),
        Clock = new TimeOnly(13, 14, 15).Add(TimeSpan.FromTicks(1230)),
        Duration = new TimeSpan(-2, -3, -4, -5),
        Color = Color.Green,
        ColorName = Color.Blue,
        Size = Size.Large,
    };

    public static AllTypes WithNullablesSet()
    {
        var value = Typical();
        value.NullableFlag = false;
        value.NullableSByte = 7;
        value.NullableByte = 8;
        value.NullableShort = 9;
        value.NullableUShort = 10;
        value.NullableInt = 11;
        value.NullableUInt = 12;
        value.NullableLong = 13;
        value.NullableULong = 14;
        value.NullableFloat = -0.25f;
        value.NullableDouble = 1e-300;
        value.NullablePrice = -0.0001m;
        value.NullableText = "set";
        value.NullableLetter = 'q';
        value.NullableBlob = [9, 8, 7];
        value.NullableGuid = Guid.Empty;
        value.NullableWhen = new DateTime(1999, 12, 31, 23, 59, 59);
        value.NullableAt = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        value.NullableDay = new DateOnly(1000, 1, 1);
        value.NullableClock = TimeOnly.MinValue;
        value.NullableDuration = TimeSpan.Zero;
        value.NullableColor = Color.Red;
        value.NullableColorName = Color.Green;
        return value;
    }

    public static AllTypes Minimum() => new()
    {
        Flag = false,
        SByteValue = sbyte.MinValue,
        ByteValue = byte.MinValue,
        ShortValue = short.MinValue,
        UShortValue = ushort.MinValue,
        IntValue = int.MinValue,
        UIntValue = uint.MinValue,
        LongValue = long.MinValue,
        ULongValue = ulong.MinValue,
        FloatValue = float.MinValue,
        DoubleValue = double.MinValue,
        Price = -99999999999999.9999m,
        Huge = decimal.MinValue,
        Text = "",
        LongText = "",
        Letter = '\0',
        Blob = [],
        BigBlob = [],
        GuidValue = Guid.Empty,
        When = EarliestDateTime,
        At = new DateTimeOffset(EarliestDateTime, TimeSpan.Zero),
        Day = new DateOnly(1000, 1, 1),
        Clock = TimeOnly.MinValue,
        Duration = -LongestTime,
        Color = Color.Red,
        ColorName = Color.Red,
        Size = Size.Small,
    };

    public static AllTypes Maximum() => new()
    {
        Flag = true,
        SByteValue = sbyte.MaxValue,
        ByteValue = byte.MaxValue,
        ShortValue = short.MaxValue,
        UShortValue = ushort.MaxValue,
        IntValue = int.MaxValue,
        UIntValue = uint.MaxValue,
        LongValue = long.MaxValue,
        ULongValue = ulong.MaxValue,
        FloatValue = float.MaxValue,
        DoubleValue = double.MaxValue,
        Price = 99999999999999.9999m,
        Huge = decimal.MaxValue,
        Text = new string('z', 100),
        LongText = new string('y', 20000),
        Letter = '\uFFFD',
        Blob = Enumerable.Repeat((byte)255, 256).ToArray(),
        BigBlob = new byte[1_000_000],
        GuidValue = Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
        When = LatestDateTime,
        At = new DateTimeOffset(LatestDateTime, TimeSpan.Zero),
        Day = new DateOnly(9999, 12, 31),
        Clock = new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990)),
        Duration = LongestTime,
        Color = Color.Blue,
        ColorName = Color.Blue,
        Size = Size.Large,
    };
}
