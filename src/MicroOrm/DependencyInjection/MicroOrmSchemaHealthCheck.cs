using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Execution;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroOrm.DependencyInjection;

/// <summary>
/// A health check that runs the drift check (<see cref="SchemaManager.CheckAsync(CancellationToken)"/>): healthy when
/// the live database matches the model, Degraded when it does not (the application may still work, but a column or
/// index it relies on differs), with each difference in the description and the data; the registration's failure
/// status when the server cannot be asked. Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;MicroOrmSchemaHealthCheck&lt;AppDb&gt;&gt;("schema")</c>.
/// </summary>
/// <typeparam name="TDatabase">The database to check.</typeparam>
public sealed class MicroOrmSchemaHealthCheck<TDatabase> : IHealthCheck
    where TDatabase : DatabaseContext
{
    /// <summary>The most differences the description lists; the data always holds their count.</summary>
    private const int Listed = 5;

    private readonly TDatabase _database;

    /// <summary>Checks <paramref name="database"/>'s schema.</summary>
    public MicroOrmSchemaHealthCheck(TDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var differences = await _database.Schema.CheckAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
            if (differences.Count == 0) return HealthCheckResult.Healthy("The database matches the model.");
            var data = new Dictionary<string, object> { ["differences"] = differences.Count };
            for (var i = 0; i < differences.Count; i++) data["difference_" + (i + 1)] = differences[i].Description;
            var listed = string.Join(" ", differences.Take(Listed).Select(d => d.Description));
            var more = differences.Count > Listed ? $" And {differences.Count - Listed} more." : "";
            return HealthCheckResult.Degraded($"The database differs from the model in {differences.Count} way{(differences.Count == 1 ? "" : "s")}: {listed}{more}", data: data);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
        }
    }
}
