using System;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// A row the model cannot hold (NULL in a non-nullable property, a number out of the property's range, a column
/// missing from a hand-written SELECT) fails with an error that names the table, the column and the types.
/// </summary>
public sealed class ReadFailureTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    [Fact]
    public async Task Null_in_a_non_nullable_property_names_table_column_and_type()
    {
        // The table is altered behind the model's back, as a schema that drifted would be.
        await database.ExecuteAsync("CREATE TABLE drifted LIKE all_types");
        await database.ExecuteAsync("ALTER TABLE drifted MODIFY int_value INT NULL");
        await database.ExecuteAsync("INSERT INTO drifted SELECT * FROM all_types WHERE 1 = 0");
        await using var db = database.Connect();
        var value = Types.AllTypesSamples.Typical();
        await db.AllTypes.InsertAsync(value, TestContext.Current.CancellationToken);
        await database.ExecuteAsync($"INSERT INTO drifted SELECT * FROM all_types WHERE id = {value.Id}");
        await database.ExecuteAsync($"UPDATE drifted SET int_value = NULL WHERE id = {value.Id}");

        var error = await Assert.ThrowsAsync<MappingException>(() => database.ReadByNameAsync<Models.AllTypes>($"SELECT * FROM drifted WHERE id = {value.Id}"));

        Assert.Equal("all_types", error.Table);
        Assert.Equal("int_value", error.Column);
        Assert.Contains("IntValue (Int32)", error.Message, StringComparison.Ordinal);
        Assert.Contains("NULL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_too_large_for_the_property_names_the_column_and_both_types()
    {
        await using var db = database.Connect();
        var value = Types.AllTypesSamples.Typical();
        await db.AllTypes.InsertAsync(value, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<MappingException>(() => database.ReadByNameAsync<Models.AllTypes>(
            $"SELECT id, 9999999999 AS int_value, t.* FROM all_types t WHERE id = {value.Id}"));

        Assert.Equal("int_value", error.Column);
        Assert.Contains("IntValue (Int32)", error.Message, StringComparison.Ordinal);
        Assert.Contains("BIGINT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_non_nullable_column_is_named_with_the_columns_present()
    {
        var error = await Assert.ThrowsAsync<MappingException>(() => database.ReadByNameAsync<Models.AllTypes>("SELECT id, flag FROM all_types"));

        Assert.Equal("s_byte_value", error.Column);
        Assert.Contains("no column for", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns present: id, flag", error.Message, StringComparison.Ordinal);
    }
}
