using System;
using MicroOrm.Mapping;
using MySqlConnector;

namespace MicroOrm;

/// <summary>
/// <c>LOAD DATA LOCAL INFILE</c> is not allowed, by the connection string or by the server, and the exception says
/// which setting to change. <c>BulkInsertOptions.FallbackToInsert</c> turns it into multi-row INSERTs instead.
/// </summary>
public sealed class BulkLoadRefusedException : MicroOrmException
{
    private BulkLoadRefusedException(string message, TableInfo table, bool byServer, Exception? inner)
        : base(message, inner, table: table.Name, serverErrorCode: (inner as MySqlException)?.Number)
    {
        ByServerSetting = byServer;
    }

    /// <summary>Whether the server refused (its <c>local_infile</c> is OFF), rather than the connection string.</summary>
    public bool ByServerSetting { get; }

    internal static BulkLoadRefusedException ByClient(TableInfo table) => new(
        $"BulkInsert into {table.Name} loads with LOAD DATA LOCAL INFILE, which the connection string does not allow: add AllowLoadLocalInfile=true to it " +
        "(the server must have local_infile=ON too), or set BulkInsertOptions.FallbackToInsert to insert with multi-row inserts instead. Nothing was sent.",
        table, byServer: false, null);

    internal static BulkLoadRefusedException ByServer(TableInfo table, MySqlException exception) => new(
        $"BulkInsert into {table.Name}: the server refuses LOAD DATA LOCAL INFILE (error {exception.Number}); turn it on with set global local_infile = ON " +
        "(or local_infile=ON in the server's configuration), or set BulkInsertOptions.FallbackToInsert to insert with multi-row inserts instead. Nothing was loaded.",
        table, byServer: true, exception);
}
