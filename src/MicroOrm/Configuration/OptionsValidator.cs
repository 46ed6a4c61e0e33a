using System;
using MySqlConnector;

namespace MicroOrm.Configuration;

/// <summary>Checks options and turns them into MySqlConnector settings; the first problem found is thrown, naming the option.</summary>
internal static class OptionsValidator
{
    public static MySqlConnectionStringBuilder ConnectionSettings(MicroOrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new MicroOrmConfigurationException(nameof(options.ConnectionString), "a connection string is required, such as \"Server=localhost;User ID=app;Password=...;Database=app\".");
        }

        MySqlConnectionStringBuilder settings;
        try
        {
            settings = new MySqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            // MySqlConnector names the key it does not know ("Option 'x' not supported."); nothing else of the string is repeated.
            throw new MicroOrmConfigurationException(nameof(options.ConnectionString), exception.Message, exception);
        }

        if (options.MinimumPoolSize is { } minimum)
        {
            Range(nameof(options.MinimumPoolSize), minimum, 0, 1000);
            settings.MinimumPoolSize = (uint)minimum;
        }

        if (options.MaximumPoolSize is { } maximum)
        {
            Range(nameof(options.MaximumPoolSize), maximum, 1, 1000);
            settings.MaximumPoolSize = (uint)maximum;
        }

        if (settings.MinimumPoolSize > settings.MaximumPoolSize)
        {
            throw new MicroOrmConfigurationException(nameof(options.MinimumPoolSize), $"{settings.MinimumPoolSize} is above the maximum pool size {settings.MaximumPoolSize}; it must be at most that.");
        }

        if (options.ConnectionTimeout is { } connect) settings.ConnectionTimeout = Seconds(nameof(options.ConnectionTimeout), connect, 1, 3600);
        if (options.CommandTimeout is { } command) settings.DefaultCommandTimeout = Seconds(nameof(options.CommandTimeout), command, 0, 86400);
        if (options.ConnectionIdleTimeout is { } idle) settings.ConnectionIdleTimeout = Seconds(nameof(options.ConnectionIdleTimeout), idle, 1, 86400);
        if (!Enum.IsDefined(options.Dialect)) throw new MicroOrmConfigurationException(nameof(options.Dialect), $"{(int)options.Dialect} is not a server dialect; use Detect, MariaDb, MySql80, MySql84 or MySql9.");
        if (options.SslMode is { } sslMode)
        {
            if (!Enum.IsDefined(sslMode)) throw new MicroOrmConfigurationException(nameof(options.SslMode), $"{(int)sslMode} is not a TLS mode; use None, Preferred, Required, VerifyCA or VerifyFull.");
            settings.SslMode = sslMode;
        }

        if (options.SslCa is { } ca) settings.SslCa = ca;
        if (settings.SslMode is MySqlSslMode.VerifyCA or MySqlSslMode.VerifyFull && string.IsNullOrEmpty(settings.SslCa))
        {
            throw new MicroOrmConfigurationException(nameof(options.SslCa), $"SslMode {settings.SslMode} checks the server's certificate against a certificate authority: give its file in SslCa.");
        }

        // MicroOrm sends the KILL QUERY itself at the command timeout (CommandGuard). MySqlConnector's own timeout stays
        // as the backstop, and with a Cancellation Timeout of -1 it closes the socket when it passes, instead of
        // cancelling from a timer callback: that callback reads the socket's peer address, which throws when the
        // connection has just been reset, and an exception in a timer callback ends the process.
        settings.CancellationTimeout = -1;
        Behaviour(options);
        return settings;
    }

    /// <summary>Checks the options that shape behaviour rather than connections: retries, logging, the clock.</summary>
    public static void Behaviour(MicroOrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Retry(options.Retry);
        if (options.SlowCommandThreshold < TimeSpan.FromMilliseconds(100) || options.SlowCommandThreshold > TimeSpan.FromHours(1))
        {
            throw new MicroOrmConfigurationException(nameof(options.SlowCommandThreshold), $"{options.SlowCommandThreshold} is out of range; it must be between 100 milliseconds and 1 hour.");
        }

        if (options.TimeProvider is null) throw new MicroOrmConfigurationException(nameof(options.TimeProvider), "a clock is required; leave it at TimeProvider.System unless tests need another.");
        if (options.Topology is { } topology) Topology(topology);
        if (options.Interceptors is null) throw new MicroOrmConfigurationException(nameof(options.Interceptors), "a list is required (it may be empty).");
        for (var i = 0; i < options.Interceptors.Count; i++)
        {
            if (options.Interceptors[i] is null) throw new MicroOrmConfigurationException($"Interceptors[{i}]", "is null; remove it or give an interceptor.");
        }
    }

    private static void Topology(TopologyOptions topology)
    {
        if (topology.FailoverServers is null) throw new MicroOrmConfigurationException("Topology.FailoverServers", "a list is required (it may be empty).");
        if (topology.Replicas is null) throw new MicroOrmConfigurationException("Topology.Replicas", "a list is required (it may be empty).");
        for (var i = 0; i < topology.FailoverServers.Count; i++) ServerAddress.Parse($"Topology.FailoverServers[{i}]", topology.FailoverServers[i], 3306);
        for (var i = 0; i < topology.Replicas.Count; i++) ServerAddress.Parse($"Topology.Replicas[{i}]", topology.Replicas[i], 3306);
        if (!Enum.IsDefined(topology.ReadConsistency)) throw new MicroOrmConfigurationException("Topology.ReadConsistency", $"{(int)topology.ReadConsistency} is not a read consistency; use ReadYourWrites, Eventual, StickyPrimary or Primary.");
        if (!Enum.IsDefined(topology.Kind)) throw new MicroOrmConfigurationException("Topology.Kind", $"{(int)topology.Kind} is not a cluster kind; use Replication or Galera.");
        Range("Topology.ReadYourWritesTimeout", topology.ReadYourWritesTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Range("Topology.StickyPrimaryWindow", topology.StickyPrimaryWindow, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        Range("Topology.MaxReplicaLag", topology.MaxReplicaLag, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range("Topology.ProbeInterval", topology.ProbeInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
    }

    private static void Retry(RetryOptions? retry)
    {
        if (retry is null) throw new MicroOrmConfigurationException(nameof(MicroOrmOptions.Retry), "retry options are required; set MaxAttempts = 1 to turn retrying off.");
        Range("Retry.MaxAttempts", retry.MaxAttempts, 1, 1000);
        Range("Retry.BaseDelay", retry.BaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Range("Retry.MaxDelay", retry.MaxDelay, retry.BaseDelay, TimeSpan.FromMinutes(5));
        Range("Retry.MaxTotalTime", retry.MaxTotalTime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
    }

    private static void Range<T>(string option, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0) throw new MicroOrmConfigurationException(option, $"{value} is out of range; it must be between {min} and {max}.");
    }

    private static uint Seconds(string option, TimeSpan value, int min, int max)
    {
        var seconds = value.TotalSeconds;
        if (seconds < min || seconds > max || seconds != Math.Floor(seconds))
        {
            throw new MicroOrmConfigurationException(option, $"{value} is out of range; it must be a whole number of seconds between {min} and {max}.");
        }

        return (uint)seconds;
    }
}
