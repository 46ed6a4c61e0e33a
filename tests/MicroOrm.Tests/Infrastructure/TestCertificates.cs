using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace MicroOrm.Tests.Infrastructure;

/// <summary>
/// A certificate authority and a server certificate for 127.0.0.1 signed by it, plus an unrelated authority, made with
/// the openssl command line in a temporary folder that disposing deletes.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    public string AuthorityFile => Path.Combine(Folder, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Folder, "server.pem");

    public string ServerKeyFile => Path.Combine(Folder, "server.key");

    /// <summary>A certificate authority that signed nothing the server has.</summary>
    public string OtherAuthorityFile => Path.Combine(Folder, "other-ca.pem");

    /// <summary>The server arguments that turn TLS on with these files.</summary>
    public string[] ServerArguments => ["--ssl-cert=" + ServerCertificateFile, "--ssl-key=" + ServerKeyFile, "--ssl-ca=" + AuthorityFile];

    public static async Task<TestCertificates> CreateAsync()
    {
        var certificates = new TestCertificates(Directory.CreateTempSubdirectory("microorm-tls-").FullName);
        var f = certificates.Folder;
        await File.WriteAllTextAsync(Path.Combine(f, "server.ext"), "subjectAltName = IP:127.0.0.1\n");
        await OpenSslAsync(f, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=MicroOrm test authority");
        await OpenSslAsync(f, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem", "-days", "2", "-subj", "/CN=Someone else's authority");
        await OpenSslAsync(f, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        await OpenSslAsync(f, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        return certificates;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static async Task OpenSslAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started; install it (apt-get install openssl).");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {await errors}");
    }
}
