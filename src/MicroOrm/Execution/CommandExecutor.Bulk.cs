using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Diagnostics;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm.Execution;

/// <summary>
/// The pipeline's one command that is not a <see cref="MySqlCommand"/>: a bulk load through <see cref="MySqlBulkCopy"/>
/// (<c>LOAD DATA LOCAL INFILE</c>). It goes through the same steps as every command: the interceptors see it (as the
/// LOAD DATA it is), the connection is the transaction's or a lease, the telemetry scope records it, failures are
/// translated, and the lease goes back. What a load can lose silently, it does not: the server's warnings (a value
/// truncated, a duplicate skipped where skipping was not asked for) fail it.
/// </summary>
internal sealed partial class CommandExecutor
{
    /// <summary>The numbers for "LOAD DATA LOCAL is refused": the older one both servers share, MySQL 8's, and MariaDB 10.6+'s.</summary>
    private static readonly int[] LocalInfileRefused = [1148, 3948, 4166];

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> BulkLoadAsync(TableInfo table, ColumnInfo[] columns, DbDataReader rows, BulkConflict conflict, IOBehavior io, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statement = SqlBuilding.BulkSql.Load(table, columns, conflict);
        var request = new CommandRequest(statement, table, cancellationToken);
        var context = Telemetry.Intercept(statement, table, writes: true);
        var lease = await AcquireInterceptedAsync(request, writes: true, context, io).ConfigureAwait(false);
        CommandScope scope = default;
        CommandOutcome outcome;
        try
        {
            if (!new MySqlConnectionStringBuilder(lease.Connection.ConnectionString).AllowLoadLocalInfile)
            {
                var refused = BulkLoadRefusedException.ByClient(table);
                context?.OnFailed(TimeSpan.Zero, refused);
                throw refused;
            }

            scope = (lease.Origin ?? Source).Telemetry.Start(statement, table, context);
            var bulk = new MySqlBulkCopy(lease.Connection, lease.Transaction)
            {
                DestinationTableName = table.QuotedName,
                BulkCopyTimeout = Source.CommandTimeoutSeconds,
                ConflictOption = conflict switch
                {
                    BulkConflict.Ignore => MySqlBulkLoaderConflictOption.Ignore,
                    BulkConflict.Replace => MySqlBulkLoaderConflictOption.Replace,
                    _ => MySqlBulkLoaderConflictOption.None,
                },
            };
            for (var i = 0; i < columns.Length; i++) bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, columns[i].Name));
            var result = io == IOBehavior.Synchronous
                ? bulk.WriteToServer(rows)
                : await bulk.WriteToServerAsync(rows, cancellationToken).ConfigureAwait(false);
            CheckWarnings(table, statement, result, conflict);
            outcome = scope.Succeeded(result.RowsInserted, written: true);
        }
        catch (MySqlException) when (rows is IBulkRows { Failure: { } failure })
        {
            // A row the source refused (a value that does not fit, another tenant's): its own exception, not the driver's wrapper.
            if (scope.IsStarted) scope.Failed(failure);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            throw;
        }
        catch (MySqlException exception) when (Array.IndexOf(LocalInfileRefused, exception.Number) >= 0)
        {
            var refused = BulkLoadRefusedException.ByServer(table, exception);
            if (scope.IsStarted) scope.Failed(refused);
            throw refused;
        }
        catch (Exception exception) when (exception is not BulkLoadRefusedException)
        {
            Failed(scope, null, exception, statement, table, cancellationToken);
            throw;
        }
        finally
        {
            await lease.ReleaseAsync(io).ConfigureAwait(false);
        }

        scope.Executed(outcome);
        return (int)outcome.Rows;
    }

    /// <summary>
    /// A load with LOCAL treats errors as warnings (the server cannot stop the file midway): a value cut to fit, a
    /// duplicate skipped. Only the duplicates the caller asked to skip are accepted; anything else fails the load, and
    /// the transaction it runs in takes it all back. The warnings are named by number; their text (which quotes values)
    /// only with sensitive data logging.
    /// </summary>
    private void CheckWarnings(TableInfo table, SqlStatement statement, MySqlBulkCopyResult result, BulkConflict conflict)
    {
        var problems = result.Warnings.Where(w => !(conflict == BulkConflict.Ignore && w.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)).ToList();
        if (problems.Count == 0) return;
        var summary = string.Join(", ", problems.GroupBy(w => (int)w.ErrorCode).Select(g => g.Count() == 1 ? g.Key.ToString(CultureInfo.InvariantCulture) : $"{g.Key} x{g.Count()}"));
        var detail = Telemetry.Sensitive ? ": " + string.Join("; ", problems.Select(w => w.Message)) : " (their text quotes values; turn on sensitive data logging to see it)";
        throw new MicroOrmException(
            $"The bulk load into {table.Name} drew {problems.Count} warning(s) from the server ({summary}), so rows would not have been stored as given; the load was not kept{detail}.",
            sql: statement.Text,
            table: table.Name,
            serverErrorCode: (int)problems[0].ErrorCode);
    }
}
