using System.Threading.Tasks;
using MicroOrm.Configuration;
using MicroOrm.Execution;
using MicroOrm.Execution.Topology;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>
/// What a topology remembers of a replica's applied position: database objects sharing the replica wait for
/// positions of their own, and an older one must not make the next read wait again for a newer one already seen.
/// </summary>
public sealed class ServerMemberTests
{
    [Fact]
    public async Task The_applied_position_only_moves_forward_and_covers_every_earlier_one()
    {
        await using var pool = PooledConnectionSource.Owned("Server=127.0.0.1;Port=3306", new MicroOrmOptions { ConnectionString = "Server=127.0.0.1" });
        var member = new ServerMember(new ServerAddress("127.0.0.1", 3306), pool, isCandidate: false, causalPool: null);

        member.Applied("0-1-10");
        member.Applied("0-1-5");

        Assert.True(member.HasApplied("0-1-10"));
        Assert.True(member.HasApplied("0-1-7"));
        Assert.False(member.HasApplied("0-1-11"));
        Assert.False(member.HasApplied("1-1-3")); // another replication domain is not compared
    }
}
