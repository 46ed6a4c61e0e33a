using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// A value its column cannot hold is refused before anything is sent, with an error that names the table, the
/// column and the property's type, and lists every failed member at once; the table is left untouched.
/// </summary>
public sealed class WriteValidationTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    public static TheoryData<string, Action<AllTypes>, string, string> BadValues => new()
    {
        { "text", v => v.Text = new string('x', 101), "String", "101 characters, more than the column's 100" },
        { "text", v => v.Text = string.Concat(Enumerable.Repeat("😀", 101)), "String", "101 characters" },
        { "text", v => v.Text = "half \uD83D pair", "String", "lone UTF-16 surrogate" },
        { "text", v => v.Text = null!, "String", "NOT NULL" },
        { "price", v => v.Price = 1.23456m, "Decimal", "more than the column's 4 decimal places" },
        { "price", v => v.Price = 123456789012345m, "Decimal", "15 digits before the point" },
        { "double_value", v => v.DoubleValue = double.NaN, "Double", "NaN or infinite" },
        { "float_value", v => v.FloatValue = float.PositiveInfinity, "Single", "NaN or infinite" },
        { "when", v => v.When = new DateTime(999, 12, 31), "DateTime", "before 1000-01-01" },
        { "day", v => v.Day = new DateOnly(1, 1, 1), "DateOnly", "before 1000-01-01" },
        { "duration", v => v.Duration = TimeSpan.FromHours(839), "TimeSpan", "outside the TIME range" },
        { "letter", v => v.Letter = '\uDC00', "Char", "surrogate" },
        { "blob", v => v.Blob = new byte[257], "Byte[]", "257 bytes, more than the column's 256" },
        { "color_name", v => v.ColorName = (Color)42, "Color", "not a named member of Color" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_the_column_cannot_hold_is_refused_naming_table_column_and_type(string column, Action<AllTypes> spoil, string typeName, string problem)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var before = await db.AllTypes.CountAsync(ct);
        var value = AllTypesSamples.Typical();
        spoil(value);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.AllTypes.InsertAsync(value, ct));

        Assert.Equal("all_types", error.Table);
        var failed = Assert.Single(error.Errors);
        Assert.Equal(column, failed.Column);
        Assert.Equal(typeName, failed.TypeName);
        Assert.Contains(problem, failed.Problem, StringComparison.Ordinal);
        Assert.Contains("all_types", error.Message, StringComparison.Ordinal);
        Assert.Contains(column, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.AllTypes.CountAsync(ct));
    }

    [Fact]
    public async Task Every_failed_member_is_listed_in_one_exception()
    {
        await using var db = database.Connect();
        var value = AllTypesSamples.Typical();
        value.Text = new string('x', 500);
        value.Price = 0.00001m;
        value.DoubleValue = double.NegativeInfinity;

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.AllTypes.InsertAsync(value, TestContext.Current.CancellationToken));

        Assert.Equal(["double_value", "price", "text"], error.Errors.Select(e => e.Column));
    }

    [Fact]
    public async Task A_secret_value_never_appears_in_the_message()
    {
        await using var db = database.Connect();
        var value = AllTypesSamples.Typical();
        value.Text = "hunter2-" + new string('s', 200);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.AllTypes.InsertAsync(value, TestContext.Current.CancellationToken));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_in_a_batch_stops_the_whole_batch_before_anything_is_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.Connect();
        var before = await db.AllTypes.CountAsync(ct);
        var rows = Enumerable.Range(0, 5).Select(_ => AllTypesSamples.Typical()).ToList();
        rows[3].Text = new string('x', 101);

        await Assert.ThrowsAsync<ValidationException>(() => db.AllTypes.InsertManyAsync(rows, ct));

        Assert.Equal(before, await db.AllTypes.CountAsync(ct));
    }
}
