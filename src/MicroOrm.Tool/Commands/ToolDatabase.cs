using System.Collections.Generic;

namespace MicroOrm.Tool.Commands;

/// <summary>
/// A database object with no tables of its own, over the migrations the tool read from a folder: the same runner,
/// lock and history the application's generated database class uses.
/// </summary>
internal sealed class ToolDatabase(ConnectionSource source, List<Migration> migrations) : DatabaseContext(source, ownsSource: true, [], [.. migrations])
{
    public static ToolDatabase Connect(string? connectionString, List<Migration> migrations) =>
        new(ConnectionSource.FromConnectionString(connectionString ?? ConnectionStrings.FromEnvironment()), migrations);
}
