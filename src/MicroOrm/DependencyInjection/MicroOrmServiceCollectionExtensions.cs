using System;
using MicroOrm;
using MicroOrm.Configuration;
using MicroOrm.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a generated database class with a service collection: <c>services.AddMicroOrm&lt;AppDb&gt;(...)</c>.
/// </summary>
/// <remarks>
/// Lifetimes: the connection pool is a singleton per database class, made on first use and disposed with the
/// container. The database object is a singleton by default: it is safe to share between threads (each operation
/// leases a pooled connection) and keeps no per-request state (a transaction belongs to the async flow that began
/// it). Pass <see cref="ServiceLifetime.Scoped"/> or <see cref="ServiceLifetime.Transient"/> to make one per scope
/// or per resolve instead; they share the one pool. Unless the options name one, MicroOrm logs through the
/// container's <see cref="ILoggerFactory"/>, and the container's <see cref="ICommandInterceptor"/> services (resolved
/// once, with the pool: register them as singletons) see every command after the options' own interceptors.
/// </remarks>
public static class MicroOrmServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TDatabase"/> over a pool for <paramref name="connectionString"/>; the string is checked now.</summary>
    public static IServiceCollection AddMicroOrm<TDatabase>(this IServiceCollection services, string connectionString, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
    {
        var options = new MicroOrmOptions { ConnectionString = connectionString };
        OptionsValidator.ConnectionSettings(options);
        return Register<TDatabase>(services, _ => options.Clone(), lifetime);
    }

    /// <summary>
    /// Registers <typeparamref name="TDatabase"/> with options read from a configuration section (keys named as the
    /// properties of <see cref="MicroOrmOptions"/>, <c>Retry</c> a sub-section), then adjusted by
    /// <paramref name="configure"/>. The section is read and checked now, so a bad value fails at start naming its key.
    /// </summary>
    public static IServiceCollection AddMicroOrm<TDatabase>(
        this IServiceCollection services, IConfiguration section, Action<MicroOrmOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
    {
        ArgumentNullException.ThrowIfNull(section);
        var read = new MicroOrmOptions();
        OptionsReader.Read(section, read);
        configure?.Invoke(read);
        OptionsValidator.ConnectionSettings(read);
        return Register<TDatabase>(services, _ => read.Clone(), lifetime);
    }

    /// <summary>Registers <typeparamref name="TDatabase"/> with options set by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddMicroOrm<TDatabase>(this IServiceCollection services, Action<MicroOrmOptions> configure, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddMicroOrm<TDatabase>(services, (_, options) => configure(options), lifetime);
    }

    /// <summary>
    /// Registers <typeparamref name="TDatabase"/> with options set by <paramref name="configure"/>, which can read
    /// other services (a secret store, a <see cref="TimeProvider"/>). The options are checked when the pool is first made.
    /// </summary>
    public static IServiceCollection AddMicroOrm<TDatabase>(this IServiceCollection services, Action<IServiceProvider, MicroOrmOptions> configure, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register<TDatabase>(services, provider =>
        {
            var options = new MicroOrmOptions();
            configure(provider, options);
            return options;
        }, lifetime);
    }

    /// <summary>
    /// Makes the injected <typeparamref name="TDatabase"/> one per scope, for the tenant <paramref name="tenant"/>
    /// reads from the scope's services (the request's user, host name or header): every query and write of an entity
    /// with a <c>[TenantKey]</c> then reaches that tenant's rows only. Call it after <c>AddMicroOrm</c>, whose pool it
    /// shares; it replaces the database registration, whatever lifetime that had.
    /// </summary>
    /// <exception cref="InvalidOperationException">Resolved before <c>AddMicroOrm&lt;TDatabase&gt;</c> was called.</exception>
    public static IServiceCollection AddMicroOrmTenant<TDatabase, TTenant>(this IServiceCollection services, Func<IServiceProvider, TTenant> tenant)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
        where TTenant : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tenant);
        services.RemoveAll<TDatabase>();
        services.AddScoped(provider =>
        {
            var source = provider.GetService<DatabaseSource<TDatabase>>()
                ?? throw new InvalidOperationException($"Call AddMicroOrm<{typeof(TDatabase).Name}>(...) before AddMicroOrmTenant: it makes the pool the tenants share.");
            var value = tenant(provider) ?? throw new InvalidOperationException($"The tenant of this scope is null, so {typeof(TDatabase).Name} cannot be made for it.");
            return (TDatabase)TDatabase.Connect(source.Source).ForTenantValue(value);
        });
        return services;
    }

    private static IServiceCollection Register<TDatabase>(IServiceCollection services, Func<IServiceProvider, MicroOrmOptions> makeOptions, ServiceLifetime lifetime)
        where TDatabase : DatabaseContext, IDatabase<TDatabase>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = makeOptions(provider);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            foreach (var interceptor in provider.GetServices<ICommandInterceptor>()) options.Interceptors.Add(interceptor);
            return new DatabaseSource<TDatabase>(ConnectionSource.FromOptions(options));
        });
        services.TryAdd(new ServiceDescriptor(typeof(TDatabase), static provider => TDatabase.Connect(provider.GetRequiredService<DatabaseSource<TDatabase>>().Source), lifetime));
        return services;
    }
}
