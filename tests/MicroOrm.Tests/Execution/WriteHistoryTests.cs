using System.Threading;
using MicroOrm.Execution.Topology;
using Xunit;

namespace MicroOrm.Tests.Execution;

/// <summary>
/// What a database object remembers of its writes for routing: the sticky-primary window runs from the last write,
/// whether its position could be read or not (MySQL without GTIDs never has one).
/// </summary>
public sealed class WriteHistoryTests
{
    [Fact]
    public void The_sticky_window_runs_from_the_last_write_even_when_its_position_is_unknown()
    {
        var history = new WriteHistory();
        history.Wrote("0-1-5");
        Thread.Sleep(50);
        history.Wrote(null);

        var last = history.Last!;
        Assert.Equal("0-1-5", last.Position);
        Assert.True(last.Age.TotalMilliseconds >= 50, $"the known write is {last.Age.TotalMilliseconds} ms old");
        Assert.True(last.SinceLastWrite.TotalMilliseconds < 50, $"the last write is {last.SinceLastWrite.TotalMilliseconds} ms old");
    }

    [Fact]
    public void Writes_that_never_have_a_position_keep_the_window_moving()
    {
        var history = new WriteHistory();
        history.Wrote(null);
        Thread.Sleep(50);
        history.Wrote(null);

        Assert.True(history.Last!.SinceLastWrite.TotalMilliseconds < 50);
    }
}
