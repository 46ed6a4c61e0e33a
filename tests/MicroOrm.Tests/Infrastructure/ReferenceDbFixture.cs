using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using MySqlConnector;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>A fresh database with the reference schema (states, cities, users, addresses) created.</summary>
public class ReferenceDbFixture(ServerFixture server) : DatabaseFixture(server)
{
    public AppDb Connect() => AppDb.Connect(ConnectionString);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Connect();
        await db.Schema.CreateAsync();
    }

    /// <summary>
    /// Every row of every table, rendered as text in key order: two snapshots are equal exactly when the tables hold
    /// the same rows. Read directly through MySqlConnector, so the code under test cannot hide a difference.
    /// </summary>
    public async Task<string> SnapshotAsync(MySqlConnection? connection = null)
    {
        var owned = connection is null;
        connection ??= new MySqlConnection(ConnectionString);
        if (owned) await connection.OpenAsync();
        try
        {
            var tables = new List<string>();
            await using (var list = new MySqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }

            var text = new StringBuilder();
            foreach (var table in tables)
            {
                text.Append("## ").Append(table).Append('\n');
                await using var select = new MySqlCommand($"SELECT * FROM `{table}` ORDER BY 1", connection);
                await using var rows = await select.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    for (var i = 0; i < rows.FieldCount; i++)
                    {
                        text.Append(rows.IsDBNull(i) ? "NULL" : System.Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }

                    text.Append('\n');
                }
            }

            return text.ToString();
        }
        finally
        {
            if (owned) await connection.DisposeAsync();
        }
    }
}
