using System;

namespace MicroOrm.Servers;

/// <summary>No server could be found or started; the message says what to do about it.</summary>
public sealed class ServerUnavailableException : Exception
{
    public ServerUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
