using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MicroOrm.Tests.Types;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>A plain null for a nullable column, as written without a cast: it sets NULL, and finds the rows holding NULL.</summary>
public sealed class SetNullTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Set_with_a_plain_null_stores_NULL_and_equality_with_null_finds_it()
    {
        await using var db = database.Connect();
        var row = AllTypesSamples.WithNullablesSet();
        row.Id = 0;
        await db.AllTypes.InsertAsync(row, Ct);

        var changed = await db.AllTypes.Where(t => t.Id == row.Id).UpdateAsync(u => u.Set(t => t.NullableText, null).Set(t => t.NullableInt, null), Ct);

        Assert.Equal(1, changed);
        var read = await db.AllTypes.SingleAsync(t => t.Id == row.Id & t.NullableText == null & t.NullableInt == null, Ct);
        Assert.Equal((null, null), (read.NullableText, read.NullableInt));
        Assert.Equal(0, await db.AllTypes.CountAsync(t => t.Id == row.Id & t.NullableText != null, Ct));
    }
}
