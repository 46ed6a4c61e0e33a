using System;
using System.Threading;
using MicroOrm.Schema;
using Shop.V3;

// Applies Shop.V3's migrations to the database in args[0] and says what it does, a line per event, so that a test can
// count every step each process ran and kill one at a known point:
//   ran V.K        step K of migration V ran (not recorded yet)
//   recorded V.K   and was recorded as done
//   paused V.K ... the process waits here, forever, for the test to kill it (args[1] names the point: V.K.ran or V.K.recorded)
//   applied N      the run ended, having applied (or finished) N migrations
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Shop.Migrator <connection-string> [V.K.ran|V.K.recorded]");
    return 2;
}

var pauseAt = args.Length == 2 ? args[1] : null;
await using var db = ShopDb.Connect(args[0]);
db.Migrations.Settings = new MigrationSettings
{
    AfterStep = (version, step, recorded) =>
    {
        var point = $"{version}.{step}";
        Console.WriteLine((recorded ? "recorded " : "ran ") + point);
        if (pauseAt == point + (recorded ? ".recorded" : ".ran"))
        {
            Console.WriteLine("paused " + pauseAt);
            Thread.Sleep(Timeout.Infinite);
        }
    },
};

try
{
    var applied = await db.Migrations.ApplyAsync();
    Console.WriteLine("applied " + applied.Count);
    return 0;
}
catch (Exception failure)
{
    Console.Error.WriteLine("error: " + failure.Message);
    return 1;
}
