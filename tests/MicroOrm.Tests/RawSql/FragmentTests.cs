using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using Xunit;

namespace MicroOrm.Tests.RawSql;

/// <summary>
/// Fragments made by Sql.Format are embedded with their parameters renumbered by position: the text around the
/// placeholders, string literals and comments included, reaches the server exactly as written, wherever the fragment
/// sits and however many holes come before it. The server's answer is the oracle.
/// </summary>
public sealed class FragmentTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Literal = "@p0|@p1|@p10|{0}";

    [Fact]
    public async Task A_fragment_embedded_after_a_hole_keeps_the_placeholder_lookalikes_in_its_literals()
    {
        await using var db = database.Connect();
        var fragment = Sql.Format($"CONCAT('@p0|@p1|@p10|{{0}}', {"a"}, {"b"})");

        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT({"x"}, {fragment})", Ct);

        Assert.Equal("x" + Literal + "ab", value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(25)]
    public async Task A_fragment_after_any_number_of_holes_keeps_its_literals_and_binds_its_own_values(int holesBefore)
    {
        await using var db = database.Connect();
        var before = Enumerable.Range(0, holesBefore).ToArray();
        var fragment = Sql.Format($"CONCAT('@p1 /* @p0 */', {"first"}, '@p10', {"second"}, '{{1}}')");

        // Holes before the fragment are an IN list, so the fragment's parameters land on numbers such as @p10 and @p11.
        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT(IF(0 IN {before.Select(i => i + 100)}, 'never', ''), {fragment})", Ct);

        Assert.Equal("@p1 /* @p0 */first@p10second{1}", value);
    }

    [Fact]
    public async Task Comments_in_a_fragment_reach_the_server_unchanged()
    {
        await using var db = database.Connect();
        var fragment = Sql.Format($"{"v"} /* a comment that names @p0 and @p1 */");

        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT({"u"}, {fragment})", Ct);

        Assert.Equal("uv", value);
    }

    [Fact]
    public async Task Fragments_nest_and_each_level_keeps_its_values_in_order()
    {
        await using var db = database.Connect();
        var inner = Sql.Format($"CONCAT({"i1"}, '@p0', {"i2"})");
        var outer = Sql.Format($"CONCAT({"o1"}, {inner}, {"o2"}, '@p2')");

        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT({"s"}, {outer}, {"e"})", Ct);

        Assert.Equal("so1i1@p0i2o2@p2e", value);
    }

    [Fact]
    public async Task A_fragment_can_be_embedded_twice()
    {
        await using var db = database.Connect();
        var fragment = Sql.Format($"CONCAT({"a"}, '@p0')");

        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT({fragment}, {"-"}, {fragment})", Ct);

        Assert.Equal("a@p0-a@p0", value);
    }

    [Fact]
    public async Task Sql_Unsafe_embeds_constant_text_as_written()
    {
        await using var db = database.Connect();

        var value = await db.ExecuteScalarAsync<string>($"SELECT CONCAT({"a"}, {Sql.Unsafe("'@p0'")}, {"b"})", Ct);

        Assert.Equal("a@p0b", value);
    }

    [Fact]
    public void A_statement_reaching_a_hole_as_an_object_is_refused_before_anything_is_sent()
    {
        object statement = database.Connect().Notes.Where(n => n.Id == 1).ToSql();

        var error = Assert.Throws<ArgumentException>(() => Sql.Format($"id IN ({statement})"));

        Assert.Contains("Sql.Format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_and_binary_holes_are_one_parameter_each_and_a_stream_is_refused()
    {
        await using var db = database.Connect();
        var builder = new System.Text.StringBuilder("built");
        var chars = "chars".ToCharArray();
        var memory = "memory".AsMemory();
        var bytes = new ArraySegment<byte>([1, 0x5C, 3], 1, 2);

        Assert.Equal("built|chars|memory", await db.ExecuteScalarAsync<string>($"SELECT CONCAT_WS('|', {builder}, {chars}, {memory})", Ct));
        Assert.Equal("5C03", await db.ExecuteScalarAsync<string>($"SELECT HEX({bytes})", Ct));
        Assert.Equal("5C03", await db.ExecuteScalarAsync<string>($"SELECT HEX({new System.IO.MemoryStream([0x5C, 3])})", Ct));
        using var file = new System.IO.BufferedStream(new System.IO.MemoryStream([1]));
        Assert.Throws<ArgumentException>(() => { _ = db.ExecuteScalarAsync<string>($"SELECT HEX({file})", Ct); });
    }
}
