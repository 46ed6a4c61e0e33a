using System;

namespace MicroOrm.Servers;

/// <summary>A server to run against, whatever provided it. Disposing it releases what it started, if anything.</summary>
public interface IDatabaseServer : IAsyncDisposable
{
    /// <summary>A connection string for an account that may create databases; it names no database.</summary>
    string ConnectionString { get; }

    /// <summary>A one-line description for logs: what the server is and where it came from.</summary>
    string Description { get; }
}
