using System.Threading;
using System.Threading.Tasks;
using MicroOrm.SqlBuilding;

namespace MicroOrm.Execution;

/// <summary>Server settings that shape the statements MicroOrm writes.</summary>
/// <param name="MaxStatementBytes">Half of <c>max_allowed_packet</c>: the most one multi-row INSERT may take, with room for escaping.</param>
/// <param name="AutoIncrementIncrement">The step between generated keys (<c>auto_increment_increment</c>).</param>
internal sealed record ServerFacts(long MaxStatementBytes, long AutoIncrementIncrement)
{
    public static async ValueTask<ServerFacts> QueryAsync(CommandExecutor executor, IOBehavior io, CancellationToken cancellationToken)
    {
        var statement = new SqlStatement(SessionSql.ServerFacts, []);
        var values = await executor.ListAsync(new CommandRequest(statement, null, cancellationToken), new DelegateRowReader<(long, long)>(r => (r.GetInt64(0), r.GetInt64(1))), io).ConfigureAwait(false);
        var (packet, increment) = values[0];
        return new ServerFacts(packet / 2, increment < 1 ? 1 : increment);
    }
}
