using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// JSON columns against the real server: documents round-trip (nested objects, lists, Unicode, nulls), queries filter
/// and sort on a path inside them with the path and the value as parameters, a path outside the grammar is refused
/// before anything is sent, and MariaDB keeps the column valid JSON with a CHECK.
/// </summary>
public sealed class JsonColumnTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Preferences Rich = new("dark", [3, 5, 8], new PostalAddress("Zürich", null), "Grüße 🚀 \"quoted\", back\\slash, tab\t, and a 'quote'", 12.5m);

    [Fact]
    public async Task Documents_round_trip_with_nested_objects_lists_Unicode_and_nulls()
    {
        await using var db = database.Connect();
        var full = new MemberSettings { Owner = "round trip", Settings = Rich, Tags = ["a", "ü", "🚀", ""] };
        var sparse = new MemberSettings { Owner = "round trip", Settings = new Preferences("light", [], null, "", 0m), Tags = null };
        await db.MemberSettings.InsertAsync(full, Ct);
        await db.MemberSettings.InsertAsync(sparse, Ct);

        var readFull = await db.MemberSettings.FindAsync(full.Id, Ct);
        var readSparse = await db.MemberSettings.FindAsync(sparse.Id, Ct);

        var settings = readFull!.Settings;
        Assert.Equal((Rich.Theme, Rich.Address, Rich.Notes, Rich.Limit), (settings.Theme, settings.Address, settings.Notes, settings.Limit));
        Assert.Equal(Rich.Sizes, settings.Sizes);
        Assert.Equal(["a", "ü", "🚀", ""], readFull.Tags);
        Assert.Null(readSparse!.Tags);
        Assert.Null(readSparse.Settings.Address);
        Assert.Null(await db.ExecuteScalarAsync<string?>($"SELECT tags FROM member_settings WHERE id = {sparse.Id}", Ct));
        Assert.Equal("Zürich", await db.ExecuteScalarAsync<string>($"SELECT JSON_UNQUOTE(JSON_EXTRACT(settings, '$.Address.City')) FROM member_settings WHERE id = {full.Id}", Ct));
    }

    [Fact]
    public async Task Queries_filter_sort_and_select_on_a_path_with_the_path_and_the_value_as_parameters()
    {
        await using var db = database.Connect();
        var owner = "paths";
        foreach (var (theme, first, city) in new[] { ("dark", 7, "Oslo"), ("light", 2, "Lima"), ("dark", 4, "Kyiv") })
        {
            await db.MemberSettings.InsertAsync(new MemberSettings { Owner = owner, Settings = new Preferences(theme, [first, 1], new PostalAddress(city, "Main"), "", first * 1.5m) }, Ct);
        }

        var mine = db.MemberSettings.Where(p => p.Owner == owner);
        var dark = mine.Where(p => p.Settings.Path<string>("$.Theme") == "dark").OrderBy(p => p.Settings.Path<int>("$.Sizes[0]"));
        Assert.Equal(["Kyiv", "Oslo"], await dark.Select(p => p.Settings.Path<string>("$.Address.City")).ToListAsync(Ct));
        Assert.Equal(2, await mine.Where(p => p.Settings.Path<int>("$.Sizes[0]") > 3).CountAsync(Ct));
        Assert.Equal(1, await mine.Where(p => p.Settings.Path<decimal>("$.Limit") == 3m).CountAsync(Ct));
        Assert.Equal(0, await mine.Where(p => p.Settings.Path<string>("$.Missing") == "x").CountAsync(Ct));

        var (text, values) = (dark.ToSql().Text, dark.ToSql().Values);
        // A path may lead nowhere (NULL), so equality is the null-safe <=>.
        Assert.Contains("JSON_UNQUOTE(JSON_EXTRACT(`settings`, @p1)) <=> @p2", text, StringComparison.Ordinal);
        Assert.Contains("CAST(JSON_UNQUOTE(JSON_EXTRACT(`settings`, @p3)) AS SIGNED)", text, StringComparison.Ordinal);
        Assert.Equal(["paths", "$.Theme", "dark", "$.Sizes[0]"], values.Select(v => v?.ToString()));
    }

    [Theory]
    [InlineData("$.Theme') = 'dark' OR ('1' = '1")]
    [InlineData("Theme")]
    [InlineData("$.Theme; DROP TABLE member_settings")]
    [InlineData("$..Theme")]
    public async Task A_path_outside_the_grammar_is_refused_and_a_value_is_only_a_value(string path)
    {
        await using var db = database.Connect();
        var error = Assert.Throws<ArgumentException>(() => db.MemberSettings.Where(p => p.Settings.Path<string>(path) == "dark"));
        Assert.Contains("is not a JSON path MicroOrm accepts", error.Message, StringComparison.Ordinal);

        Assert.Equal(0, await db.MemberSettings.Where(p => p.Settings.Path<string>("$.Theme") == path).CountAsync(Ct));
        Assert.True(await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member_settings'", Ct) == 1);
    }

    [Fact]
    public async Task A_set_based_update_of_a_path_is_refused_naming_the_column_and_the_path_and_changes_nothing()
    {
        await using var db = database.Connect();
        var before = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM member_settings WHERE settings LIKE '%refused%'", Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.MemberSettings.Where(p => p.Id > 0).UpdateAsync(u => u.Set(p => p.Settings.Path<string>("$.Theme"), "refused"), Ct));

        Assert.StartsWith("member_settings.settings at $.Theme is a value inside a JSON document", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM member_settings WHERE settings LIKE '%refused%'", Ct));
    }

    [Fact]
    public async Task MariaDB_stores_a_JSON_column_as_checked_LONGTEXT_refuses_invalid_JSON_and_the_schema_has_no_drift()
    {
        await using var db = database.Connect();

        Assert.Equal(["settings longtext", "tags longtext"], await db.QueryValuesAsync<string>(
            $"SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member_settings' AND COLUMN_NAME IN ('settings', 'tags') ORDER BY COLUMN_NAME", Ct));
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO member_settings (owner, settings) VALUES ('invalid', {"{not json"})", Ct));
        Assert.Equal(4025, error.ServerErrorCode);
        Assert.Contains("ck_member_settings_settings_json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.Schema.CheckAsync(Ct), d => d.Table == "member_settings");
    }
}
