using System;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MicroOrm.Servers;
using MySqlConnector;

// Starts (or finds) a server, creates the reference schema from the models, seeds the reference states, and prints
// them as read back through the generated code.
await using var server = await ServerLocator.AcquireAsync();
await using var database = await ScratchDatabase.CreateAsync(server, "demo");
await using var db = AppDb.Connect(database.ConnectionString);
await db.Schema.CreateAsync();

await using (var connection = new MySqlConnection(database.ConnectionString))
{
    await connection.OpenAsync();
    await using var seed = new MySqlCommand(
        "INSERT INTO states (name, created_at, updated_at) VALUES " +
        "('California', NOW(6), NOW(6)), ('Arizona', NOW(6), NOW(6)), ('Texas', NOW(6), NOW(6)), " +
        "('New York', NOW(6), NOW(6)), ('Nevada', NOW(6), NOW(6))",
        connection);
    await seed.ExecuteNonQueryAsync();
}

foreach (var state in await db.States.ToListAsync())
{
    Console.WriteLine($"{state.Id}: {state.Name}");
}
