using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// Every supported type, written and read back equal through the real server: edge values (min, max, empty, emoji,
/// the largest decimals, each DateTime kind, NULL), by key, by query, and through the by-name reader.
/// </summary>
public sealed class TypeRoundTripTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task Minimum_values_round_trip() => await AssertRoundTrip(AllTypesSamples.Minimum());

    [Fact]
    public async Task Maximum_values_round_trip() => await AssertRoundTrip(AllTypesSamples.Maximum());

    [Fact]
    public async Task Null_in_every_nullable_column_round_trips() => await AssertRoundTrip(AllTypesSamples.Typical());

    [Fact]
    public async Task Every_nullable_column_with_a_value_round_trips() => await AssertRoundTrip(AllTypesSamples.WithNullablesSet());

    [Fact]
    public async Task Empty_strings_and_empty_binaries_round_trip()
    {
        var value = AllTypesSamples.Typical();
        value.Text = "";
        value.LongText = "";
        value.Blob = [];
        value.BigBlob = [];
        value.NullableText = "";
        value.NullableBlob = [];
        await AssertRoundTrip(value);
    }

    [Fact]
    public async Task Four_byte_utf8_and_awkward_characters_round_trip()
    {
        var value = AllTypesSamples.Typical();
        value.Text = "😀🎉 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 é ñ 中文 'quote' \"dq\" \\ % _ \0 nul\r\n tab\t end ";
        value.LongText = string.Concat(Enumerable.Repeat("🧪", 16000));
        value.NullableText = "👩‍👩‍👧‍👦";
        value.Letter = ' ';
        value.NullableLetter = 'ß';
        await AssertRoundTrip(value);
    }

    [Fact]
    public async Task A_string_of_exactly_max_length_in_emoji_fits()
    {
        var value = AllTypesSamples.Typical();
        value.Text = string.Concat(Enumerable.Repeat("😀", 100));
        await AssertRoundTrip(value);
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public async Task DateTime_of_every_kind_keeps_its_clock_time(DateTimeKind kind)
    {
        var value = AllTypesSamples.Typical();
        value.When = new DateTime(2024, 2, 29, 23, 59, 58, kind).AddTicks(1234560);
        value.NullableWhen = value.When;
        var back = await AssertRoundTrip(value);
        Assert.Equal(value.When.Ticks, back.When.Ticks);
    }

    [Fact]
    public async Task DateTimeOffset_keeps_its_instant_and_comes_back_in_utc()
    {
        var value = AllTypesSamples.Typical();
        value.At = new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.FromHours(5.5)).AddTicks(10);
        var back = await AssertRoundTrip(value);
        Assert.Equal(value.At.UtcDateTime, back.At.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, back.At.Offset);
    }

    [Fact]
    public async Task Largest_decimals_keep_every_digit()
    {
        var value = AllTypesSamples.Typical();
        value.Huge = decimal.MaxValue;
        value.Price = 99999999999999.9999m;
        value.NullablePrice = -99999999999999.9999m;
        await AssertRoundTrip(value);
        value.Huge = 0.1234567890123456789012345678m;
        await AssertRoundTrip(value);
        value.Huge = decimal.MinValue;
        await AssertRoundTrip(value);
    }

    [Fact]
    public async Task Rows_read_by_column_name_equal_rows_read_by_position()
    {
        await using var db = database.Connect();
        var value = AllTypesSamples.WithNullablesSet();
        await db.AllTypes.InsertAsync(value, TestContext.Current.CancellationToken);

        var byName = await database.ReadByNameAsync<AllTypes>($"SELECT * FROM all_types WHERE id = {value.Id}");

        AllTypesAssert.Equal(value, Assert.Single(byName));
    }

    private async Task<AllTypes> AssertRoundTrip(AllTypes value)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        // Each round trip is a new row: a key left from the previous one would be sent (and be a duplicate).
        value.Id = 0;
        await db.AllTypes.InsertAsync(value, ct);
        Assert.True(value.Id > 0);

        var found = await db.AllTypes.FindAsync(value.Id, ct);
        Assert.NotNull(found);
        AllTypesAssert.Equal(value, found);

        var queried = await db.AllTypes.Where(t => t.Id == value.Id).SingleAsync(ct);
        AllTypesAssert.Equal(value, queried);
        return found;
    }
}
