using System;
using System.Linq;
using System.Threading.Tasks;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Writing;

/// <summary>
/// [Required], [MaxLength], [Range], [Pattern] and [Email] at their boundaries: the last good value is written, the
/// first bad one is refused with an error naming the member, and nothing reaches the table. Range and Required also
/// shape the DDL, so the server refuses what slips past the client.
/// </summary>
public sealed class ValidationAttributeTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, Action<Signup>> GoodValues => new()
    {
        { "Handle, 20 characters", s => s.Handle = new string('h', 20) },
        { "Handle, one character", s => s.Handle = "h" },
        { "Age 18", s => s.Age = 18 },
        { "Age 130", s => s.Age = 130 },
        { "Age null", s => s.Age = null },
        { "Score 0.5", s => s.Score = 0.5 },
        { "Score 99.5", s => s.Score = 99.5 },
        { "Balance -5", s => s.Balance = -5m },
        { "Balance 5", s => s.Balance = 5m },
        { "Level 1", s => s.Level = 1 },
        { "Level 255", s => s.Level = 255 },
        { "Code AB-1234", s => s.Code = "AB-1234" },
        { "Code null", s => s.Code = null },
        { "Email a@b", s => s.Email = "a@b" },
        { "Email with dots", s => s.Email = "first.last+tag@mail.example.org" },
        { "Email, 64-character local part", s => s.Email = new string('x', 64) + "@example.org" },
        { "Note empty", s => s.Note = "" },
    };

    public static TheoryData<string, Action<Signup>, string> BadValues => new()
    {
        { "Handle empty", s => s.Handle = "", nameof(Signup.Handle) },
        { "Handle white space", s => s.Handle = "  \t", nameof(Signup.Handle) },
        { "Handle, 21 characters", s => s.Handle = new string('h', 21), nameof(Signup.Handle) },
        { "Nickname null", s => s.Nickname = null, nameof(Signup.Nickname) },
        { "Age 17", s => s.Age = 17, nameof(Signup.Age) },
        { "Age 131", s => s.Age = 131, nameof(Signup.Age) },
        { "Score 0.49", s => s.Score = 0.49, nameof(Signup.Score) },
        { "Score 99.51", s => s.Score = 99.51, nameof(Signup.Score) },
        { "Balance -5.01", s => s.Balance = -5.01m, nameof(Signup.Balance) },
        { "Balance 5.01", s => s.Balance = 5.01m, nameof(Signup.Balance) },
        { "Level 0", s => s.Level = 0, nameof(Signup.Level) },
        { "Code lower-case", s => s.Code = "ab-1234", nameof(Signup.Code) },
        { "Code with a suffix (the pattern is anchored)", s => s.Code = "AB-12345", nameof(Signup.Code) },
        { "Code with a prefix", s => s.Code = "xAB-1234", nameof(Signup.Code) },
        { "Email without a domain", s => s.Email = "a@", nameof(Signup.Email) },
        { "Email without a local part", s => s.Email = "@b", nameof(Signup.Email) },
        { "Email with two @", s => s.Email = "a@b@c", nameof(Signup.Email) },
        { "Email with a space", s => s.Email = "a b@c", nameof(Signup.Email) },
        { "Email with an empty domain label", s => s.Email = "a@b..c", nameof(Signup.Email) },
        { "Email, 65-character local part", s => s.Email = new string('x', 65) + "@example.org", nameof(Signup.Email) },
        { "Note null", s => s.Note = null, nameof(Signup.Note) },
    };

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task A_value_on_the_boundary_is_written(string name, Action<Signup> change)
    {
        await using var db = database.Connect();
        var signup = Valid();
        change(signup);

        await db.Signups.InsertAsync(signup, Ct);

        var stored = await db.Signups.FindAsync(signup.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal((signup.Handle, signup.Age, signup.Score, signup.Balance, signup.Level, signup.Code, signup.Email, signup.Note), (stored.Handle, stored.Age, stored.Score, stored.Balance, stored.Level, stored.Code, stored.Email, stored.Note));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_past_the_boundary_is_refused_naming_the_member_and_nothing_is_written(string name, Action<Signup> change, string member)
    {
        await using var db = database.Connect();
        var signup = Valid();
        change(signup);
        var before = await db.Signups.CountAsync(Ct);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Signups.InsertAsync(signup, Ct));

        Assert.Equal([member], error.Errors.Select(e => e.Member));
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.Signups.CountAsync(Ct));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task An_update_of_a_stored_entity_is_checked_the_same_way(string name, Action<Signup> change, string member)
    {
        await using var db = database.Connect();
        var signup = Valid();
        await db.Signups.InsertAsync(signup, Ct);
        change(signup);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Signups.UpdateAsync(signup, Ct));

        Assert.Equal(member, Assert.Single(error.Errors).Member);
        var stored = await db.Signups.FindAsync(signup.Id, Ct);
        Assert.Equal(Valid().Handle, stored!.Handle);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task One_exception_lists_every_failed_member()
    {
        await using var db = database.Connect();
        var signup = new Signup { Handle = " ", Nickname = null, Age = 5, Score = 100, Balance = 9, Level = 0, Code = "x", Email = "nope", Note = null };

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Signups.InsertAsync(signup, Ct));

        Assert.Equal(
            new[] { "Handle", "Nickname", "Age", "Score", "Balance", "Level", "Code", "Email", "Note" },
            error.Errors.Select(e => e.Member));
        Assert.Contains("Age (column age, Int32?): is out of range; it must be between 18 and 130", error.Message, StringComparison.Ordinal);
        Assert.Contains("Code (column code, String): does not match the pattern [A-Z]{2}-[0-9]{4}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_level_update_checks_the_values_it_sets()
    {
        await using var db = database.Connect();
        var signup = Valid();
        await db.Signups.InsertAsync(signup, Ct);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Signups.Where(s => s.Id == signup.Id)
            .UpdateAsync(u => u.Set(s => s.Age, 200).Set(s => s.Email, "not an address").Set(s => s.Handle, "fine"), Ct));

        Assert.Equal(["Age", "Email"], error.Errors.Select(e => e.Member));
        var stored = await db.Signups.FindAsync(signup.Id, Ct);
        Assert.Equal((signup.Age, signup.Email, signup.Handle), (stored!.Age, stored.Email, stored.Handle));
    }

    [Fact]
    public async Task The_server_refuses_an_out_of_range_value_that_bypasses_the_client_naming_the_column()
    {
        await using var db = database.Connect();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() =>
            db.ExecuteAsync($"INSERT INTO signups (handle, nickname, age, score, balance, level, email, note) VALUES ('h', 'n', {200}, 1, 0, 1, 'a@b', '')", Ct));

        Assert.Contains(error.ServerErrorCode, new int?[] { 4025, 3819 });
        Assert.Equal("age", error.Column);
        Assert.Contains("ck_signups_age", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_refuses_null_in_a_column_that_Required_made_NOT_NULL()
    {
        await using var db = database.Connect();

        var error = await Assert.ThrowsAsync<MicroOrmException>(() =>
            db.ExecuteAsync($"INSERT INTO signups (handle, nickname, score, balance, level, email, note) VALUES ('h', {(string?)null}, 1, 0, 1, 'a@b', '')", Ct));

        Assert.Equal(1048, error.ServerErrorCode);
        Assert.Equal("nickname", error.Column);
    }

    [Fact]
    public void Range_and_Required_shape_the_DDL()
    {
        var ddl = MicroOrm.SqlBuilding.TableDdl.CreateTable(database.Connect().Signups.Info, MicroOrm.SqlBuilding.SqlDialect.MariaDb);

        Assert.Contains("`nickname` VARCHAR(255) NOT NULL", ddl, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT `ck_signups_age` CHECK (`age` >= 18 AND `age` <= 130)", ddl, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT `ck_signups_score` CHECK (`score` >= 0.5 AND `score` <= 99.5)", ddl, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT `ck_signups_level` CHECK (`level` >= 1 AND `level` <= 300)", ddl, StringComparison.Ordinal);
    }

    private static Signup Valid() => new() { Handle = "handle", Nickname = "nick", Age = 30, Score = 50, Balance = 0, Level = 1, Code = "AB-1234", Email = "a@example.org", Note = "note" };
}
