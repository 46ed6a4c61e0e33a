using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// User converters (<see cref="IValueConverter{TValue, TColumn}"/>) applied on every path a value travels, one test
/// per path, against the real server: a strongly-typed AUTO_INCREMENT key, money by a property's converter (nullable
/// too), and a Uri by the assembly's converter.
/// </summary>
public sealed class ConverterTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Uri Link = new("https://shop.example/invoices?id=7&lang=fr");

    [Fact]
    public async Task Inserts_store_the_converted_value_and_the_generated_key_comes_back_as_its_own_type()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(12.34m), Discount = null, Link = Link, Customer = "inserts" };

        await db.Invoices.InsertAsync(invoice, Ct);

        Assert.True(invoice.Id.Value > 0);
        Assert.Equal(["id int(11)", "total decimal(12,2)", "discount decimal(12,2)", "link varchar(300)", "customer varchar(40)"],
            await db.QueryValuesAsync<string>($"SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invoices' ORDER BY ORDINAL_POSITION", Ct));
        Assert.Equal(12.34m, Convert.ToDecimal(await database.ScalarAsync($"SELECT total FROM invoices WHERE id = {invoice.Id.Value}"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Link.OriginalString, await database.ScalarAsync($"SELECT link FROM invoices WHERE id = {invoice.Id.Value}"));
    }

    [Fact]
    public async Task Reads_convert_by_key_by_query_and_by_name()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(12.34m), Discount = new Money(0.34m), Link = Link, Customer = "reads" };
        await db.Invoices.InsertAsync(invoice, Ct);

        var found = await db.Invoices.FindAsync(invoice.Id, Ct);
        var listed = await db.Invoices.Where(i => i.Customer == "reads").SingleAsync(Ct);

        foreach (var read in new[] { found!, listed })
        {
            Assert.Equal((invoice.Id, new Money(12.34m), (Money?)new Money(0.34m), Link, "reads"), (read.Id, read.Total, read.Discount, read.Link, read.Customer));
        }
    }

    [Fact]
    public async Task Updates_of_an_entity_convert()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(1m), Link = Link, Customer = "updates" };
        await db.Invoices.InsertAsync(invoice, Ct);

        invoice.Total = new Money(2.5m);
        invoice.Discount = new Money(0.5m);
        await db.Invoices.UpdateAsync(invoice, Ct);

        Assert.Equal((new Money(2.5m), (Money?)new Money(0.5m)), await TotalsAsync(db, invoice.Id));
    }

    [Fact]
    public async Task Upserts_convert_on_both_the_insert_and_the_update()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(1m), Discount = new Money(0.1m), Link = Link, Customer = "upserts" };
        await db.Invoices.UpsertAsync(invoice, Ct);
        Assert.Equal((new Money(1m), (Money?)new Money(0.1m)), await TotalsAsync(db, invoice.Id));

        await db.Invoices.UpsertAsync(new Invoice { Id = invoice.Id, Total = new Money(3m), Link = Link, Customer = "upserts" }, Ct);

        Assert.Equal((new Money(3m), (Money?)null), await TotalsAsync(db, invoice.Id));
    }

    [Fact]
    public async Task Bulk_loads_convert()
    {
        await using var db = TestDb.Connect(new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString) { AllowLoadLocalInfile = true }.ConnectionString);

        await db.Invoices.BulkInsertAsync([new Invoice { Total = new Money(8.75m), Discount = new Money(0.25m), Link = Link, Customer = "bulk" }], cancellationToken: Ct);

        var read = await db.Invoices.Where(i => i.Customer == "bulk").SingleAsync(Ct);
        Assert.Equal((new Money(8.75m), (Money?)new Money(0.25m), Link), (read.Total, read.Discount, read.Link));
    }

    [Fact]
    public async Task Set_based_updates_convert_the_value_they_set()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(4m), Link = Link, Customer = "set" };
        await db.Invoices.InsertAsync(invoice, Ct);

        await db.Invoices.Where(i => i.Id == invoice.Id).UpdateAsync(u => u.Set(i => i.Total, new Money(44m)).Set(i => i.Link, new Uri("/relative", UriKind.Relative)), Ct);

        var read = await db.Invoices.FindAsync(invoice.Id, Ct);
        Assert.Equal((new Money(44m), new Uri("/relative", UriKind.Relative)), (read!.Total, read.Link));
    }

    [Fact]
    public async Task Query_conditions_convert_their_values()
    {
        var (db, a, b, c) = await ThreeAsync("conditions");
        await using var _ = db;
        var mine = db.Invoices.Where(i => i.Customer == "conditions");

        Assert.Equal([a.Id], (await mine.Where(i => i.Total == new Money(7m)).ToListAsync(Ct)).Select(i => i.Id));
        Assert.Equal([b.Id, c.Id], (await mine.Where(i => i.Total > new Money(7m)).OrderBy(i => i.Id).ToListAsync(Ct)).Select(i => i.Id));
        Assert.Equal([a.Id, c.Id], (await mine.Where(i => i.Link == Link).OrderBy(i => i.Id).ToListAsync(Ct)).Select(i => i.Id));
        Assert.Equal(2, await mine.Where(i => i.Total.Between(new Money(8m), new Money(9m))).CountAsync(Ct));
    }

    [Fact]
    public async Task In_lists_convert_their_values()
    {
        var (db, a, b, _) = await ThreeAsync("in-lists");
        await using var __ = db;
        var mine = db.Invoices.Where(i => i.Customer == "in-lists");

        Assert.Equal([a.Id, b.Id], (await mine.Where(i => i.Id.In(a.Id, b.Id)).OrderBy(i => i.Id).ToListAsync(Ct)).Select(i => i.Id));
        Assert.Equal([a.Id, b.Id], (await mine.Where(i => i.Total.In(new Money(7m), new Money(8m))).OrderBy(i => i.Id).ToListAsync(Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task Projections_read_through_the_converter()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(5.5m), Discount = new Money(1m), Link = Link, Customer = "projections" };
        await db.Invoices.InsertAsync(invoice, Ct);
        var query = db.Invoices.Where(i => i.Id == invoice.Id);

        Assert.Equal([new Money(5.5m)], await query.Select(i => i.Total).ToListAsync(Ct));
        Assert.Equal([(invoice.Id, (Money?)new Money(1m), Link)], await query.Select(i => (i.Id, i.Discount, i.Link)).ToListAsync(Ct));
    }

    [Fact]
    public async Task Raw_SQL_converts_the_values_of_its_holes_and_the_rows_it_reads()
    {
        await using var db = database.Connect();
        var invoice = new Invoice { Total = new Money(6m), Link = new Uri("https://raw.example/"), Customer = "raw" };
        await db.Invoices.InsertAsync(invoice, Ct);
        var money = new Money(6m);
        Money? none = null;

        Assert.Equal([invoice.Id], await db.QueryValuesAsync<InvoiceId>($"SELECT id FROM invoices WHERE total = {money} AND link = {invoice.Link} AND (discount = {none} OR {none} IS NULL)", Ct));
        var line = Assert.Single(await db.QueryAsync<InvoiceLine>($"SELECT id, total, link FROM invoices WHERE id = {invoice.Id}", Ct));
        Assert.Equal(new InvoiceLine(invoice.Id, money, invoice.Link), line);
        Assert.Equal([(invoice.Id, money)], await db.QueryAsync<InvoiceId, Money>($"SELECT id, total FROM invoices WHERE id = {invoice.Id}", Ct));
    }

    private async Task<(TestDb Db, Invoice A, Invoice B, Invoice C)> ThreeAsync(string customer)
    {
        var db = database.Connect();
        var a = new Invoice { Total = new Money(7m), Link = Link, Customer = customer };
        var b = new Invoice { Total = new Money(8m), Link = new Uri("https://other.example/"), Customer = customer };
        var c = new Invoice { Total = new Money(9m), Link = Link, Customer = customer };
        foreach (var invoice in new[] { a, b, c }) await db.Invoices.InsertAsync(invoice, Ct);
        return (db, a, b, c);
    }

    private static async Task<(Money Total, Money? Discount)> TotalsAsync(TestDb db, InvoiceId id)
    {
        var read = await db.Invoices.FindAsync(id, Ct);
        return (read!.Total, read.Discount);
    }
}
