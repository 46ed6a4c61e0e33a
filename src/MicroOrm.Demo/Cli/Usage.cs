using System.Text;
using MicroOrm.Demo.Tasks;

namespace MicroOrm.Demo.Cli;

/// <summary>The help text.</summary>
internal static class Usage
{
    public static string Text()
    {
        var text = new StringBuilder();
        text.Append("usage: microorm-demo TASK [<mysql user> <mysql password> <database>] [ARGUMENT] [options]\n");
        text.Append("       microorm-demo tour [<mysql user> <mysql password> <database>] [options]\n\n");
        text.Append("The server: <user> <password> <database> on localhost:3306, or --connection \"<connection string>\", or the\n");
        text.Append("MICROORM_CONNECTION_STRING environment variable; with none of them, a throwaway MariaDB seeded with the\n");
        text.Append("reference data, removed afterwards.\n\ntasks:\n");
        foreach (var task in TaskCatalog.All)
        {
            var name = task.Argument is null ? task.Name : task.Name + " " + task.Argument;
            text.Append("  ").Append(name.PadRight(30)).Append(task.Summary).Append('\n');
        }

        text.Append("  ").Append("tour".PadRight(30)).Append("every task in order, with a heading each\n\n");
        text.Append("options:\n");
        text.Append("  --connection CS   use this MySqlConnector connection string\n");
        text.Append("  --keep            keep the throwaway server running and print its connection string\n");
        text.Append("  --trace           print each SQL command sent (to standard error)\n");
        text.Append("  --verbose         print the whole exception on an error\n");
        return text.ToString();
    }
}
