using System;

namespace MicroOrm;

/// <summary>Where MicroOrm looks for a connection string when none is passed in code.</summary>
public static class ConnectionStrings
{
    /// <summary>The environment variable read by <see cref="FromEnvironment"/>: <c>MICROORM_CONNECTION_STRING</c>.</summary>
    public const string EnvironmentVariable = "MICROORM_CONNECTION_STRING";

    /// <summary>The connection string in <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"The environment variable {EnvironmentVariable} is not set; set it to a MySQL connection string such as \"Server=localhost;User ID=app;Password=...;Database=app\".");
        }

        return value;
    }
}
