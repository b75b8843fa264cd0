using System.Diagnostics;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>Runs a script from the test project's node/ folder; skips (or fails when services are required) without node.</summary>
public static class NodeScript
{
    public static string Directory { get; } = Locate();

    /// <summary>Skips unless node_modules has <paramref name="package"/> (installed by the build's npm ci).</summary>
    public static void RequirePackage(string package)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
        {
            Services.Unavailable($"node_modules/{package} missing in {Directory}: run `npm ci` there (the build does when npm exists).");
        }
    }

    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, string? stdin = null, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        start.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Services.Unavailable($"node is not installed ({ex.Message}); this test runs an official JavaScript client.");
            throw;
        }

        using (process)
        {
            // A guard against a hung child, not a wait for timing: scripts exit as soon as they have their answer.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
            var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
            var stderr = process.StandardError.ReadToEndAsync(guard.Token);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(guard.Token);
            Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? "", "tests", "BotAssistant.Web.Tests", "node");
    }
}
