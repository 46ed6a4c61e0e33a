using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MicroOrm.Tests.Observability;

/// <summary>
/// Command interceptors: they see every command the pipeline sends (queries, writes, raw SQL, streams, sync and
/// async) with its SQL, parameters, rows and duration; a tag they add reaches the server; a command one refuses is
/// never sent and its connection goes back; one that throws after a command ran fails the call, not the pool.
/// </summary>
public sealed class InterceptorTests(TestDbFixture database) : IClassFixture<TestDbFixture>
{
    private const string WhatTheServerRuns = "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()";

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_interceptor_sees_each_command_with_its_sql_parameters_rows_and_duration()
    {
        var recorder = new Recorder();
        await using var db = Connect(recorder);
        var name = Unique("seen");

        await db.Counters.InsertAsync(new Counter(name) { Value = 7 }, Ct);
        var rows = await db.Counters.Where(c => c.Name == name).ToListAsync(Ct);
        var total = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM counters WHERE name = {name}", Ct);

        Assert.Single(rows);
        Assert.Equal(1, total);
        Assert.Equal(
        [
            "Executing INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1) table=counters writes=True",
            "Executed rows=1 wrote=True",
            "Executing SELECT `id`, `name`, `value` FROM `counters` WHERE `name` = @p0 table=counters writes=False",
            "Executed rows=1 wrote=False",
            // Raw SQL's scalar may be INSERT ... RETURNING: it counts as a possible write.
            "Executing SELECT COUNT(*) FROM counters WHERE name = @p0 table= writes=True",
            "Executed rows=1 wrote=False",
        ], recorder.Events);
        Assert.Equal([("@p0", (object?)name), ("@p1", 7)], recorder.Contexts[0].Parameters.Select(p => (p.Key, p.Value)).ToArray());
        Assert.Equal(database.DatabaseName, recorder.Contexts[0].Database);
        Assert.All(recorder.Durations, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_synchronous_api_and_streams_go_through_the_same_interceptors()
    {
        var recorder = new Recorder();
        using var db = Connect(recorder);
        var name = Unique("sync");

        db.Counters.Insert(new Counter(name));
        var count = db.Counters.Count(c => c.Name == name);
        var streamed = 0;
        await foreach (var _ in db.Counters.Where(c => c.Name == name).AsAsyncEnumerable(Ct)) streamed++;
        foreach (var _ in db.Counters.Where(c => c.Name == name).AsEnumerable()) streamed++;

        Assert.Equal((1, 2), (count, streamed));
        Assert.Equal(
        [
            "Executing INSERT INTO `counters` (`name`, `value`) VALUES (@p0, @p1) table=counters writes=True",
            "Executed rows=1 wrote=True",
            "Executing SELECT COUNT(*) FROM `counters` WHERE `name` = @p0 table=counters writes=False",
            "Executed rows=1 wrote=False",
            "Executing SELECT `id`, `name`, `value` FROM `counters` WHERE `name` = @p0 table=counters writes=False",
            "Executed rows=1 wrote=False",
            "Executing SELECT `id`, `name`, `value` FROM `counters` WHERE `name` = @p0 table=counters writes=False",
            "Executed rows=1 wrote=False",
        ], recorder.Events);
    }

    [Fact]
    public async Task A_tag_is_a_comment_the_server_receives_and_cannot_be_closed_early()
    {
        await using var db = Connect(new Tagger("request 42 */ DROP TABLE counters; /*"));

        var received = await db.ExecuteScalarAsync<string>($"SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()", Ct);

        Assert.Equal(WhatTheServerRuns + " /* request 42 * / DROP TABLE counters; /* */", received);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM counters WHERE name = {"never"}", Ct));
    }

    [Fact]
    public async Task The_call_site_tag_names_the_file_and_line_that_ran_the_command()
    {
        var recorder = new Recorder();
        await using var db = Connect(new CallSiteTagInterceptor(), recorder);

        var (received, line) = (await db.ExecuteScalarAsync<string>($"SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()", Ct), Line());
        var (counted, countLine) = (db.Counters.Count(c => c.Name == "none"), Line());

        Assert.Equal(WhatTheServerRuns + " /* InterceptorTests.cs:" + line + " */", received);
        Assert.Equal(0, counted);
        Assert.EndsWith(" /* InterceptorTests.cs:" + countLine + " */", recorder.Contexts[1].Sql);
    }

    [Fact]
    public async Task A_query_built_with_the_generated_api_is_tagged_with_the_line_that_awaited_it()
    {
        var recorder = new Recorder();
        await using var db = Connect(new CallSiteTagInterceptor(), recorder);

        var (_, line) = (await db.Counters.Where(c => c.Name == "none").ToListAsync(Ct), Line());

        Assert.EndsWith(" /* InterceptorTests.cs:" + line + " */", Assert.Single(recorder.Contexts).Sql);
    }

    [Fact]
    public async Task A_refused_command_is_never_sent_and_its_connection_goes_back_to_the_pool()
    {
        var commands = new CommandCounter(database.DatabaseName);
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            MaximumPoolSize = 1,
            ConnectionTimeout = TimeSpan.FromSeconds(2),
            Interceptors = { new RefuseDeletes() },
        });
        var counter = new Counter(Unique("kept"));
        await db.Counters.InsertAsync(counter, Ct);
        commands.Reset();

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Counters.DeleteAsync(counter, Ct));
            Assert.Equal("Deletes are not allowed here: DELETE FROM `counters` WHERE `id` = @p0", refused.Message);
            Assert.Throws<InvalidOperationException>(() => db.Execute($"DELETE FROM counters WHERE id = {counter.Id}"));
        }

        // One pooled connection: had a refusal kept it, this would wait for the connection timeout and fail.
        Assert.Equal(1, await db.Counters.CountAsync(c => c.Id == counter.Id, Ct));
        Assert.DoesNotContain(commands.Commands, c => c.StartsWith("DELETE", StringComparison.Ordinal));
        commands.Dispose();
    }

    [Fact]
    public async Task An_interceptor_that_throws_after_a_command_ran_fails_the_call_but_the_write_stands_and_the_pool_is_fine()
    {
        await using var db = TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            MaximumPoolSize = 1,
            ConnectionTimeout = TimeSpan.FromSeconds(2),
            Interceptors = { new ThrowAfterInsert() },
        });
        var name = Unique("ran");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Counters.InsertAsync(new Counter(name), Ct));

        Assert.Equal("after the insert", thrown.Message);
        Assert.Equal(1, await db.Counters.CountAsync(c => c.Name == name, Ct));
    }

    [Fact]
    public async Task A_failed_command_reaches_Failed_with_the_exception_the_caller_gets()
    {
        var recorder = new Recorder();
        await using var db = Connect(recorder);

        var thrown = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteAsync($"INSERT INTO no_such_table VALUES ({1})", Ct));

        Assert.Equal(["Executing INSERT INTO no_such_table VALUES (@p0) table= writes=True", "Failed 1146"], recorder.Events);
        Assert.Same(thrown, recorder.Failures.Single());
    }

    [Fact]
    public async Task A_command_that_gets_no_connection_reaches_Failed_after_Executing()
    {
        // A port nothing listens on: the command fails before its connection, and so before its scope, begins.
        var recorder = new Recorder();
        var closed = new MySqlConnector.MySqlConnectionStringBuilder(database.ConnectionString) { Port = 1, ConnectionTimeout = 2 };
        var options = new MicroOrmOptions { ConnectionString = closed.ConnectionString };
        options.Interceptors.Add(recorder);
        await using var db = TestDb.Connect(options);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => db.ExecuteAsync($"INSERT INTO counters (name) VALUES ({"x"})", Ct));

        Assert.Equal(["Executing INSERT INTO counters (name) VALUES (@p0) table= writes=True", "Failed 1042"], recorder.Events);
        Assert.Same(thrown, recorder.Failures.Single());
    }

    [Fact]
    public async Task An_interceptor_that_fails_in_Failed_does_not_hide_the_command_failure()
    {
        await using var db = Connect(new ThrowInFailed());

        var thrown = await Assert.ThrowsAsync<AggregateException>(() => db.ExecuteAsync($"INSERT INTO no_such_table VALUES ({1})", Ct));

        Assert.Equal(1146, Assert.IsType<MicroOrmException>(thrown.InnerExceptions[0]).ServerErrorCode);
        Assert.Equal("in Failed", thrown.InnerExceptions[1].Message);
    }

    [Fact]
    public async Task Interceptors_registered_as_services_see_the_commands_of_an_injected_database()
    {
        var recorder = new Recorder();
        var options = new Recorder();
        await using var provider = new ServiceCollection()
            .AddSingleton<ICommandInterceptor>(recorder)
            .AddMicroOrm<TestDb>(o =>
            {
                o.ConnectionString = database.ConnectionString;
                o.Interceptors.Add(options);
            })
            .BuildServiceProvider();
        var db = provider.GetRequiredService<TestDb>();

        await db.Counters.CountAsync(Ct);

        Assert.Equal(["Executing SELECT COUNT(*) FROM `counters` table=counters writes=False", "Executed rows=1 wrote=False"], recorder.Events);
        Assert.Equal(recorder.Events, options.Events);
        Assert.True(options.Order < recorder.Order, "the options' interceptors come first");
    }

    [Fact]
    public void A_null_interceptor_is_a_configuration_error_naming_its_place()
    {
        var error = Assert.Throws<MicroOrmConfigurationException>(() => TestDb.Connect(new MicroOrmOptions
        {
            ConnectionString = database.ConnectionString,
            Interceptors = { new Recorder(), null! },
        }));

        Assert.Equal("Interceptors[1]", error.Option);
    }

    private TestDb Connect(params ICommandInterceptor[] interceptors)
    {
        var options = new MicroOrmOptions { ConnectionString = database.ConnectionString };
        foreach (var interceptor in interceptors) options.Interceptors.Add(interceptor);
        return TestDb.Connect(options);
    }

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static string Unique(string label) => label + "-" + Guid.NewGuid().ToString("N")[..12];

    private sealed class Recorder : ICommandInterceptor
    {
        private static long _clock;

        public List<string> Events { get; } = [];

        public List<CommandContext> Contexts { get; } = [];

        public List<TimeSpan> Durations { get; } = [];

        public List<Exception> Failures { get; } = [];

        /// <summary>When this interceptor first saw a command, on a clock shared by all recorders.</summary>
        public long Order { get; private set; }

        public void Executing(CommandContext command)
        {
            if (Order == 0) Order = System.Threading.Interlocked.Increment(ref _clock);
            Contexts.Add(command);
            Events.Add($"Executing {command.Sql} table={command.Table} writes={command.Writes}");
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
            Durations.Add(outcome.Duration);
            Events.Add($"Executed rows={outcome.Rows} wrote={outcome.Wrote}");
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
            Durations.Add(duration);
            Failures.Add(exception);
            Events.Add($"Failed {(exception as MicroOrmException)?.ServerErrorCode}");
        }
    }

    private sealed class Tagger(string tag) : ICommandInterceptor
    {
        public void Executing(CommandContext command) => command.Tag(tag);

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
        }
    }

    private sealed class RefuseDeletes : ICommandInterceptor
    {
        public void Executing(CommandContext command)
        {
            if (command.Sql.StartsWith("DELETE", StringComparison.Ordinal)) throw new InvalidOperationException("Deletes are not allowed here: " + command.Sql);
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
        }
    }

    private sealed class ThrowAfterInsert : ICommandInterceptor
    {
        public void Executing(CommandContext command)
        {
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
            if (outcome.Wrote) throw new InvalidOperationException("after the insert");
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception)
        {
        }
    }

    private sealed class ThrowInFailed : ICommandInterceptor
    {
        public void Executing(CommandContext command)
        {
        }

        public void Executed(CommandContext command, CommandOutcome outcome)
        {
        }

        public void Failed(CommandContext command, TimeSpan duration, Exception exception) => throw new InvalidOperationException("in Failed");
    }
}
