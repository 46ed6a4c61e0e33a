using System;
using System.Collections.Generic;
using System.Linq;
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
        foreach (var (name, statement) in ReferenceCases()) Match(name, statement);
    }

    [Fact]
    public void Composed_filters_paging_nulls_and_lists_produce_the_reviewed_sql()
    {
        foreach (var (name, statement) in ComposedCases()) Match(name, statement);
    }

    [Fact]
    public void Every_golden_file_is_produced_by_a_query()
    {
        Snapshot.AssertNoOrphans("ToSql.", ReferenceCases().Concat(ComposedCases()).Select(c => FileName(c.Name)));
    }

    private static IEnumerable<(string Name, SqlStatement Statement)> ReferenceCases()
    {
        var name = "Texas";
        yield return ("states-ordered-by-id", Db.States.OrderBy(s => s.Id).ToSql());
        yield return ("states-containing-a", Db.States.Where(s => s.Name.Contains("a")).OrderBy(s => s.Id).ToSql());
        yield return ("state-by-name", Db.States.Where(s => s.Name == name).ToSql());
        yield return ("states-starting-with-upper-n", Db.States.Where(s => s.Name.StartsWith("N", StringComparison.Ordinal)).ToSql());
        yield return ("cities-with-states", Db.Cities.Join(Db.States, (c, s) => c.StateId == s.Id).OrderBy((c, s) => c.Id).ToSql());
    }

    private static IEnumerable<(string Name, SqlStatement Statement)> ComposedCases()
    {
        var query = Test.Products
            .Where(p => (p.Category == null || p.Category != "Food") && !(p.Price > 10m))
            .Where(p => p.Id.In(1, 2, 3) && p.Name.Like("a\\%%") && p.Stock.Between(1, 5))
            .OrderByDescending(p => p.Price)
            .ThenBy(p => p.Name)
            .Skip(20)
            .Take(10);
        yield return ("composed-query", query.ToSql());
        yield return ("grouped", Test.Products.GroupBy(p => p.Category).Having(p => Aggregates.Count() >= 2).Select(p => (p.Category, Aggregates.Sum(p.Stock))).ToSql());
        yield return ("tuple-projection", Test.Products.Where(p => p.Finish == Color.Blue).Select(p => (p.Id, p.Name)).ToSql());
    }

    private static string FileName(string name) => $"ToSql.{name}.verified.txt";

    private static void Match(string name, SqlStatement statement) => Snapshot.Match(FileName(name), statement.ToString());
}
