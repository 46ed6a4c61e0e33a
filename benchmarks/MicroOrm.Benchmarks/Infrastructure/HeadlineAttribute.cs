using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// Marks a scenario whose rows are the headline ones: in a full run they are measured over
/// <see cref="BenchmarkSettings.HeadlineLaunches"/> separate processes, so that the spread quoted with them includes the
/// process-to-process variation (JIT decisions, heap layout, where the connection's buffers land). A quick run keeps one
/// launch: it is a smoke run, and CI's time must not grow.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HeadlineAttribute : Attribute, IConfigSource
{
    // A mutator job changes the run's job rather than adding a second one beside it.
    public IConfig Config => BenchmarkSettings.Quick
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty().AddJob(new Job().WithLaunchCount(BenchmarkSettings.HeadlineLaunches).WithIterationCount(BenchmarkSettings.HeadlineIterations).AsMutator());
}
