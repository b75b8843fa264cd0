using System.Diagnostics;

namespace BotAssistant.Language.Tests;

/// <summary>Runs a script of tests/BotAssistant.Language.Tests/node, installing its locked packages once if they are missing.</summary>
internal static class NodeRunner
{
    public static string NodeDir => Path.Combine(TestModel.RepoRoot, "tests", "BotAssistant.Language.Tests", "node");

    /// <summary>Null when ready, else why not (node missing, packages not installable).</summary>
    public static string? Prepare(string packageProbe)
    {
        if (Run("node", "--version", NodeDir, TimeSpan.FromSeconds(20)) is not { ExitCode: 0 })
        {
            return "node is not on PATH";
        }

        if (Directory.Exists(Path.Combine(NodeDir, "node_modules", packageProbe)))
        {
            return null;
        }

        // Only when missing, from the committed lock file: repeat runs cost nothing.
        if (Run("npm", "--version", NodeDir, TimeSpan.FromSeconds(20)) is not { ExitCode: 0 })
        {
            return $"node_modules/{packageProbe} is missing and npm is not on PATH to install it";
        }

        var npm = Run("npm", "ci --no-audit --no-fund", NodeDir, TimeSpan.FromMinutes(5));
        return npm is { ExitCode: 0 } && Directory.Exists(Path.Combine(NodeDir, "node_modules", packageProbe))
            ? null
            : $"node_modules/{packageProbe} missing and `npm ci` failed: {npm?.Error}";
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result? Run(string file, string args, string workDir, TimeSpan timeout)
    {
        try
        {
            var psi = new ProcessStartInfo(file, args)
            {
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                return new Result(-1, "", "timed out");
            }

            return new Result(p.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(-1, "", ex.Message);
        }
    }
}
