using System;
using MicroOrm.ReferenceModels;

// One connection, one query, as a new process does it: what a generator's code makes of call one.
var connectionString = Environment.GetEnvironmentVariable("MICROORM_BENCHMARK_CONNECTION_STRING")
    ?? throw new InvalidOperationException("MICROORM_BENCHMARK_CONNECTION_STRING is not set; the benchmark program sets it.");
await using var db = AppDb.Connect(connectionString);
var state = await db.States.FindAsync(1);
Console.WriteLine(state?.Name);
