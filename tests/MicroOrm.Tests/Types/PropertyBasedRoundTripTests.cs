using System;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Size = MicroOrm.Tests.Models.Size;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>Random values of every supported type, within what each column holds, written and read back equal.</summary>
public sealed class PropertyBasedRoundTripTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static readonly long EarliestTicks = AllTypesSamples.EarliestDateTime.Ticks / 10;
    private static readonly long LatestTicks = AllTypesSamples.LatestDateTime.Ticks / 10;
    private static readonly long LongestTimeMicros = AllTypesSamples.LongestTime.Ticks / 10;

    /// <summary>Any Unicode scalar value: the BMP outside the surrogates, and the supplementary planes (emoji).</summary>
    private static readonly Gen<string> Text = Gen.Int[0, 100].SelectMany(length =>
        Gen.Frequency((4, Gen.Int[0x20, 0x7E]), (2, Gen.Int[0, 0xD7FF]), (1, Gen.Int[0xE000, 0xFFFF]), (2, Gen.Int[0x10000, 0x10FFFF])).Array[length]
            .Select(points =>
            {
                var builder = new StringBuilder();
                foreach (var point in points) builder.Append(new Rune(point).ToString());
                return builder.ToString();
            }));

    private static readonly Gen<DateTime> When = Gen.Select(Gen.Long[EarliestTicks, LatestTicks], Gen.Int[0, 2],
        (micros, kind) => new DateTime(micros * 10, (DateTimeKind)kind));

    private static readonly Gen<DateTimeOffset> At = Gen.Select(Gen.Long[EarliestTicks + 1_000_000_000, LatestTicks - 1_000_000_000], Gen.Int[-14 * 60, 14 * 60],
        (micros, offsetMinutes) => new DateTimeOffset(micros * 10, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    private static readonly Gen<TimeSpan> Duration = Gen.Long[-LongestTimeMicros, LongestTimeMicros].Select(micros => TimeSpan.FromTicks(micros * 10));

    private static readonly Gen<decimal> Price = Gen.Long[-999_999_999_999_999_999, 999_999_999_999_999_999].Select(units => units / 10_000m);

    private static readonly Gen<char> Letter = Gen.Char.Where(c => !char.IsSurrogate(c));

    private static readonly Gen<AllTypes> Values =
        from numbers in Gen.Select(Gen.Bool, Gen.SByte, Gen.Byte, Gen.Short, Gen.UShort, Gen.Int, Gen.UInt, Gen.Long)
        from more in Gen.Select(Gen.ULong, Gen.Float.Where(float.IsFinite), Gen.Double.Where(double.IsFinite), Price, Gen.Decimal, Letter)
        from texts in Gen.Select(Text, Text, Gen.Byte.Array[0, 256], Gen.Byte.Array[0, 5000], Gen.Guid)
        from times in Gen.Select(When, At, Gen.Int[365_242, 3_652_058], Gen.Long[0, (TimeSpan.TicksPerDay / 10) - 1], Duration)
        from enums in Gen.Select(Gen.Enum<Color>(), Gen.Enum<Color>(), Gen.Enum<Size>())
        from nullables in Gen.Select(Gen.Int.Nullable(), Gen.Double.Where(double.IsFinite).Nullable(), Text.Null(), When.Nullable(), Gen.Enum<Color>().Nullable(), Price.Nullable())
        select new AllTypes
        {
            Flag = numbers.Item1,
            SByteValue = numbers.Item2,
            ByteValue = numbers.Item3,
            ShortValue = numbers.Item4,
            UShortValue = numbers.Item5,
            IntValue = numbers.Item6,
            UIntValue = numbers.Item7,
            LongValue = numbers.Item8,
            ULongValue = more.Item1,
            FloatValue = more.Item2,
            DoubleValue = more.Item3,
            Price = more.Item4,
            Huge = more.Item5,
            Letter = more.Item6,
            Text = texts.Item1,
            LongText = texts.Item2,
            Blob = texts.Item3,
            BigBlob = texts.Item4,
            GuidValue = texts.Item5,
            When = times.Item1,
            At = times.Item2,
            Day = DateOnly.FromDayNumber(times.Item3),
            Clock = new TimeOnly(times.Item4 * 10),
            Duration = times.Item5,
            Color = enums.Item1,
            ColorName = enums.Item2,
            Size = enums.Item3,
            NullableInt = nullables.Item1,
            NullableDouble = nullables.Item2,
            NullableText = nullables.Item3,
            NullableWhen = nullables.Item4,
            NullableColorName = nullables.Item5,
            NullablePrice = nullables.Item6,
        };

    [Fact]
    public async Task Random_values_of_every_type_round_trip()
    {
        await using var db = database.Connect();
        await Values.SampleAsync(async value =>
        {
            await db.AllTypes.InsertAsync(value);
            var back = await db.AllTypes.FindAsync(value.Id);
            AllTypesAssert.Equal(value, back!);
        }, iter: 150, threads: 1);
    }
}
