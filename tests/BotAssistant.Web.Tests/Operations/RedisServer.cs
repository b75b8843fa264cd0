using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>
/// A redis-server of the test's own on a free loopback port, with an append-only file so a stop and a start keep
/// the data (as a restarted production Redis would). Skips, or fails under BOTASSISTANT_REQUIRE_SERVICES=1, when
/// redis-server is not installed.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "botassistant-redis-" + Guid.NewGuid().ToString("N"));

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,connectRetry=1";

    public static RedisServer Start()
    {
        if (Find("redis-server") is null || Find("redis-cli") is null)
        {
            Services.Unavailable("redis-server and redis-cli are not on PATH");
        }

        var server = new RedisServer(FreePort());
        Directory.CreateDirectory(server._directory);
        server.Resume();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it answers PING.</summary>
    public void Resume()
    {
        Run("redis-server", $"--port {Port} --bind 127.0.0.1 --daemonize yes --save '' --appendonly yes --appendfsync always --dir {_directory}");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Cli("ping") != "PONG")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within 10 s");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Stops the server; the append-only file keeps what was written.</summary>
    public void Stop()
    {
        Cli("shutdown");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Cli("ping") == "PONG" && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }
    }

    public string Cli(string command) => Run("redis-cli", $"-h 127.0.0.1 -p {Port} {command}").Trim();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{file} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} did not finish within 10 s");
        }

        return output.Result;
    }

    private static string? Find(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        Cli("shutdown nosave");
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing its last file; the temp folder is cleaned by the OS.
        }
    }
}
