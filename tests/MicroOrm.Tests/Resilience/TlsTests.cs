using System;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Servers;
using MicroOrm.Tests.Infrastructure;
using MicroOrm.Tests.Models;
using MySqlConnector;
using Xunit;

namespace MicroOrm.Tests.Resilience;

/// <summary>
/// TLS against a throwaway server started with a certificate made by openssl in the test: the modes pass through to
/// the driver, Required really encrypts, VerifyCA and VerifyFull check the certificate (VerifyFull also the name of the host), and a wrong authority or a
/// server without TLS fails with one clear error.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private TestCertificates _certificates = null!;
    private ThrowawayServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _certificates = await TestCertificates.CreateAsync();
        _server = await ThrowawayServer.StartAsync(new ThrowawayServerOptions { ExtraArguments = _certificates.ServerArguments }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Required_connects_over_TLS_with_a_cipher()
    {
        await using var db = Connect(MySqlSslMode.Required);

        var status = await db.QueryAsync<string, string>($"SHOW SESSION STATUS LIKE 'Ssl_cipher'", Ct);

        Assert.NotEqual("", Assert.Single(status).Item2);
    }

    [Theory]
    [InlineData(MySqlSslMode.VerifyCA)]
    [InlineData(MySqlSslMode.VerifyFull)]
    public async Task Verifying_modes_accept_a_certificate_from_the_given_authority(MySqlSslMode mode)
    {
        await using var db = Connect(mode, _certificates.AuthorityFile);

        var status = await db.QueryAsync<string, string>($"SHOW SESSION STATUS LIKE 'Ssl_version'", Ct);

        Assert.StartsWith("TLS", Assert.Single(status).Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCA_with_the_wrong_authority_fails_with_a_clear_error()
    {
        await using var db = Connect(MySqlSslMode.VerifyCA, _certificates.OtherAuthorityFile);

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteScalarAsync<long>($"SELECT 1", Ct));

        Assert.StartsWith($"The server at 127.0.0.1:{_server.Port} presented a TLS certificate that SslMode VerifyCA does not accept", error.Message, StringComparison.Ordinal);
        Assert.Contains("SslCa", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFull_refuses_a_certificate_that_does_not_name_the_host_which_VerifyCA_accepts()
    {
        // The certificate names 127.0.0.1 only; "localhost" reaches the same server under another name.
        var byName = new MySqlConnectionStringBuilder(_server.ConnectionString) { Server = "localhost" }.ConnectionString;
        await using var caOnly = Connect(MySqlSslMode.VerifyCA, _certificates.AuthorityFile, byName);
        await using var full = Connect(MySqlSslMode.VerifyFull, _certificates.AuthorityFile, byName);

        Assert.Equal(1L, await caOnly.ExecuteScalarAsync<long>($"SELECT 1", Ct));
        var error = await Assert.ThrowsAsync<MicroOrmException>(() => full.ExecuteScalarAsync<long>($"SELECT 1", Ct));

        Assert.StartsWith($"The server at localhost:{_server.Port} presented a TLS certificate that SslMode VerifyFull does not accept", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("and that it names the host you connect to.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TLS_mode_the_server_cannot_meet_fails_with_a_clear_error()
    {
        await using var plain = await ThrowawayServer.StartAsync(cancellationToken: Ct);
        await using var db = TestDb.Connect(new MicroOrmOptions { ConnectionString = plain.ConnectionString, SslMode = MySqlSslMode.Required, ConnectionTimeout = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<MicroOrmException>(() => db.ExecuteScalarAsync<long>($"SELECT 1", Ct));

        Assert.StartsWith($"The server at 127.0.0.1:{plain.Port} does not offer TLS, which SslMode Required demands", error.Message, StringComparison.Ordinal);
    }

    private TestDb Connect(MySqlSslMode mode, string? authority = null, string? connectionString = null) => TestDb.Connect(new MicroOrmOptions
    {
        ConnectionString = connectionString ?? _server.ConnectionString,
        SslMode = mode,
        SslCa = authority,
        ConnectionTimeout = TimeSpan.FromSeconds(5),
    });
}
