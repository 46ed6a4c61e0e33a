using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Schema;

/// <summary>
/// Applies migrations in version order, each step once. MySQL and MariaDB commit every DDL statement on its own, so a
/// migration cannot be rolled back as a whole: instead each step is recorded as it starts and once it is done, and a
/// run that stopped (a failure, a killed process) is resumed at its step. A step that started but was not recorded
/// may have run; if running it again fails because its table, column, index or constraint is already made (or
/// gone), it counts as done. Applied migrations are compared by checksum: an edited file is refused.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Applies what is pending; returns the migrations this run applied (or finished).</summary>
    public static async ValueTask<IReadOnlyList<Migration>> ApplyAsync(DatabaseContext database, IReadOnlyList<Migration> migrations, MigrationSettings settings, IOBehavior io, CancellationToken cancellationToken)
    {
        var ordered = Ordered(migrations);
        var executor = database.Executor;
        await CreateHistoryAsync(executor, io, cancellationToken).ConfigureAwait(false);
        var applied = new List<Migration>();
        var dialect = await database.GetDialectAsync(io, cancellationToken).ConfigureAwait(false);
        var migrationLock = await MigrationLock.TakeAsync(executor, settings, io, cancellationToken).ConfigureAwait(false);
        await using (migrationLock.ConfigureAwait(false))
        {
            // Read under the lock: another runner may have applied everything while this one waited.
            var history = await HistoryAsync(executor, io, cancellationToken).ConfigureAwait(false);
            Verify(ordered, history);
            foreach (var migration in ordered)
            {
                history.TryGetValue(migration.Version, out var record);
                if (record is { Finished: true }) continue;
                await ApplyOneAsync(executor, dialect, migration, record, settings, migrationLock, io, cancellationToken).ConfigureAwait(false);
                applied.Add(migration);
            }
        }

        return applied;
    }

    /// <summary>The migrations not yet applied in full, in the order they would be applied.</summary>
    public static async ValueTask<IReadOnlyList<Migration>> PendingAsync(DatabaseContext database, IReadOnlyList<Migration> migrations, IOBehavior io, CancellationToken cancellationToken)
    {
        var ordered = Ordered(migrations);
        await CreateHistoryAsync(database.Executor, io, cancellationToken).ConfigureAwait(false);
        var history = await HistoryAsync(database.Executor, io, cancellationToken).ConfigureAwait(false);
        Verify(ordered, history);
        return ordered.Where(m => !(history.TryGetValue(m.Version, out var r) && r.Finished)).ToList();
    }

    private static async ValueTask ApplyOneAsync(CommandExecutor executor, SqlDialect dialect, Migration migration, HistoryRecord? record, MigrationSettings settings, MigrationLock migrationLock, IOBehavior io, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            await executor.ExecuteAsync(new CommandRequest(MigrationSql.Begin(migration.Version, migration.Name, migration.Checksum, migration.StepCount), null, cancellationToken), io).ConfigureAwait(false);
            record = new HistoryRecord(migration.Version, migration.Name, migration.Checksum, migration.StepCount, 0, 0, false);
        }

        for (var step = record.StepsDone + 1; step <= migration.StepCount; step++)
        {
            var script = migration.Steps[step - 1];
            // Only the step that was started and not recorded may already have run.
            var mayHaveRun = step == record.StepsDone + 1 && record.StepsStarted >= step;
            await executor.ExecuteAsync(new CommandRequest(MigrationSql.StepStarted(migration.Version, step), null, cancellationToken), io).ConfigureAwait(false);
            try
            {
                await executor.ExecuteAsync(new CommandRequest(new SqlStatement(script.Sql, []), null, cancellationToken), io).ConfigureAwait(false);
            }
            catch (MicroOrmException failure) when (mayHaveRun && failure.ServerErrorCode is { } number && dialect.StepAlreadyApplied(number, failure.Message))
            {
                // The interrupted run had made this change before it could record it.
            }
            catch (MicroOrmException failure)
            {
                throw new MigrationException(
                    $"Migration {migration.Version} ({migration.Name}) stopped at step {step} of {migration.StepCount} ({script.Description}): {failure.Message}. " +
                    $"{(step == 1 ? "No step of it" : $"Steps 1 to {step - 1}")} applied; fix the cause and run again: it resumes at step {step}.",
                    migration.Version, step, failure, script.Sql);
            }

            settings.AfterStep?.Invoke(migration.Version, step, false);
            await executor.ExecuteAsync(new CommandRequest(MigrationSql.StepDone(migration.Version, step, script.Description), null, cancellationToken), io).ConfigureAwait(false);
            settings.AfterStep?.Invoke(migration.Version, step, true);
            await migrationLock.RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        await executor.ExecuteAsync(new CommandRequest(MigrationSql.Finished(migration.Version), null, cancellationToken), io).ConfigureAwait(false);
    }

    private static List<Migration> Ordered(IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version) throw new ArgumentException($"Two migrations have version {ordered[i].Version}: {ordered[i - 1].Name} and {ordered[i].Name}.", nameof(migrations));
        }

        return ordered;
    }

    /// <summary>An applied migration must still be the text that was applied; a migration the database has but the list lacks is refused too.</summary>
    private static void Verify(List<Migration> ordered, Dictionary<long, HistoryRecord> history)
    {
        foreach (var record in history.Values)
        {
            var migration = ordered.Find(m => m.Version == record.Version)
                ?? throw new MigrationException($"The database has migration {record.Version} ({record.Name}), which this application does not know: it was made by a newer version, or its file was removed.", record.Version);
            if (migration.Checksum != record.Checksum)
            {
                throw new MigrationException(
                    $"Migration {migration.Version} ({migration.Name}) was applied with checksum {record.Checksum}, and its file now has {migration.Checksum}: an applied migration must not change. Undo the edit, and put the change in a new migration.",
                    migration.Version);
            }
        }
    }

    private static async ValueTask CreateHistoryAsync(CommandExecutor executor, IOBehavior io, CancellationToken cancellationToken)
    {
        await executor.ExecuteAsync(new CommandRequest(MigrationSql.CreateHistory, null, cancellationToken), io).ConfigureAwait(false);
        await executor.ExecuteAsync(new CommandRequest(MigrationSql.CreateSteps, null, cancellationToken), io).ConfigureAwait(false);
    }

    private static async ValueTask<Dictionary<long, HistoryRecord>> HistoryAsync(CommandExecutor executor, IOBehavior io, CancellationToken cancellationToken)
    {
        var rows = await executor.ListAsync(new CommandRequest(MigrationSql.History, null, cancellationToken), new DelegateRowReader<HistoryRecord>(static r =>
            new HistoryRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt64(6) == 1)), io).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Version);
    }

    private sealed record HistoryRecord(long Version, string Name, string Checksum, int Steps, int StepsStarted, int StepsDone, bool Finished);
}
