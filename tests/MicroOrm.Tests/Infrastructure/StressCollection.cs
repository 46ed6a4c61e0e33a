using Xunit;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// The tests that load the machine on purpose (storms, soaks, outages): they run one class at a time and alone, after
/// the rest, so that their load does not distort the timing other tests assert, and theirs is not distorted either.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
