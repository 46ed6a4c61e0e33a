using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using MicroOrm.SqlBuilding;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroOrm.DependencyInjection;

/// <summary>
/// A health check that runs <c>SELECT 1</c> through <typeparamref name="TDatabase"/>: healthy when the server answers,
/// and otherwise the registration's failure status, with the error (which never holds the connection string).
/// Register it with <c>services.AddHealthChecks().AddCheck&lt;MicroOrmHealthCheck&lt;AppDb&gt;&gt;("database")</c>.
/// </summary>
/// <typeparam name="TDatabase">The database to check.</typeparam>
public sealed class MicroOrmHealthCheck<TDatabase> : IHealthCheck
    where TDatabase : DatabaseContext
{
    private readonly TDatabase _database;

    /// <summary>Checks <paramref name="database"/>.</summary>
    public MicroOrmHealthCheck(TDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await _database.Executor.ScalarAsync<int>(new CommandRequest(new SqlStatement(SessionSql.Ping, []), null, cancellationToken), IOBehavior.Asynchronous).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["elapsed_ms"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            return answer == 1
                ? HealthCheckResult.Healthy($"The server answered {SessionSql.Ping}.", data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"{SessionSql.Ping} returned {answer}.", data: data);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
        }
    }
}
