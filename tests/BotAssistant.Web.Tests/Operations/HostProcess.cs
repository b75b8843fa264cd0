using System.Diagnostics;
using System.Text;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>
/// The built host (src/BotAssistant.Web/bin/Debug/net10.0/BotAssistant.Web.dll) as a real process on a free
/// loopback port: what a second instance or a crash really is, which an in-process factory cannot show.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = Launch(settings);
        await host.WaitReadyAsync();
        return host;
    }

    /// <summary>A host expected to refuse to start: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var host = Launch(settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host._process.WaitForExitAsync(timeout.Token);
        return (host._process.ExitCode, host.Output);
    }

    private static HostProcess Launch(IReadOnlyDictionary<string, string> settings)
    {
        var root = CatalogReloadTests.RepositoryRoot();
        var dll = Path.Combine(root, "src", "BotAssistant.Web", "bin", "Debug", "net10.0", "BotAssistant.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build src/BotAssistant.Web first");
        var baseUrl = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BOTASSISTANT_Transcripts__Kind"] = "None";
        start.Environment["BOTASSISTANT_Knowledge__ReloadOnChange"] = "false";
        start.Environment["BOTASSISTANT_RateLimits__PerClient__PermitLimit"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment["BOTASSISTANT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(Process.Start(start)!, baseUrl);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        host.Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        return host;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly a crash.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(10_000), "the killed host did not exit");
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"the host exited during start-up:\n{Output}");
            try
            {
                using var ready = await Client.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the host at {BaseUrl} was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }

        _process.Dispose();
    }
}
