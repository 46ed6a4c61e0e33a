using System;
using MicroOrm.ReferenceModels;
using MicroOrm.Testing;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Querying;

/// <summary>The SQL of representative queries, compared with reviewed golden files (no server needed).</summary>
public sealed class ToSqlTests
{
    private static readonly AppDb Db = AppDb.Connect("Server=unused");
    private static readonly TestDb Test = TestDb.Connect("Server=unused");

    [Fact]
    public void Reference_tasks_produce_the_reviewed_sql()
    {
        var name = "Texas";
        Match("states-ordered-by-id", Db.States.OrderBy(s => s.Id).ToSql());
        Match("states-containing-a", Db.States.Where(s => s.Name.Contains("a")).OrderBy(s => s.Id).ToSql());
        Match("state-by-name", Db.States.Where(s => s.Name == name).ToSql());
        Match("states-starting-with-upper-n", Db.States.Where(s => s.Name.StartsWith("N", StringComparison.Ordinal)).ToSql());
        Match("cities-with-states", Db.Cities.Join(Db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).ToSql());
    }

    [Fact]
    public void Composed_filters_paging_nulls_and_lists_produce_the_reviewed_sql()
    {
        var query = Test.Products
            .Where(p => (p.Category == null || p.Category != "Food") && !(p.Price > 10m))
            .Where(p => p.Id.In(1, 2, 3) && p.Name.Like("a\\%%") && p.Stock.Between(1, 5))
            .OrderByDescending(p => p.Price)
            .ThenBy(p => p.Name)
            .Skip(20)
            .Take(10);
        Match("composed-query", query.ToSql());
        Match("grouped", Test.Products.GroupBy(p => p.Category).Having(p => Aggregates.Count() >= 2).Select(p => (p.Category, Aggregates.Sum(p.Stock))).ToSql());
        Match("tuple-projection", Test.Products.Where(p => p.Finish == Color.Blue).Select(p => (p.Id, p.Name)).ToSql());
    }

    private static void Match(string name, SqlStatement statement) => Snapshot.Match($"ToSql.{name}.verified.txt", statement.ToString());
}
