using System;

namespace MicroOrm;

/// <summary>A setting is invalid: the message names the option, the value given and what is allowed.</summary>
public sealed class MicroOrmConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MicroOrmConfigurationException(string option, string message, Exception? innerException = null)
        : base($"{option}: {message}", innerException)
    {
        Option = option;
    }

    /// <summary>The option at fault.</summary>
    public string Option { get; }
}
