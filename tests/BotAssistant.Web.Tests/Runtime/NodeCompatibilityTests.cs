using System.Diagnostics;
using System.Text.Json;
using BotAssistant.Bot.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Runtime;

/// <summary>
/// The official Bot Framework JavaScript client (botbuilder 4.23.3, BotFrameworkHttpClient.postActivity) calls our
/// /api/messages on a real Kestrel port as a root bot calls a skill, and receives our replies on its own serviceUrl.
/// </summary>
public sealed class NodeCompatibilityTests
{
    [SkippableFact]
    public async Task The_botbuilder_js_client_talks_to_our_endpoint()
    {
        var script = LocateScript();
        using var factory = new BotHostFactory { CaptureChannel = false };
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var output = await RunNodeAsync(script, $"{address.TrimEnd('/')}/api/messages");

        using var result = JsonDocument.Parse(output);
        var normal = result.RootElement.GetProperty("normal");
        Assert.Equal(202, normal.GetProperty("status").GetInt32());
        var delivered = Assert.Single(normal.GetProperty("received").EnumerateArray());
        Assert.StartsWith("/v3/conversations/conv-node-1/activities/root-", delivered.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal("5", delivered.GetProperty("activity").GetProperty("text").GetString());
        Assert.Equal("root-user", delivered.GetProperty("activity").GetProperty("recipient").GetProperty("id").GetString());

        var expect = result.RootElement.GetProperty("expectReplies");
        Assert.Equal(200, expect.GetProperty("status").GetInt32());
        var reply = Assert.Single(expect.GetProperty("activities").EnumerateArray());
        Assert.Equal("3", reply.GetProperty("text").GetString());
    }

    private static string LocateScript()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        var nodeDir = Path.Combine(dir?.FullName ?? "", "tests", "BotAssistant.Web.Tests", "node");
        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "botbuilder")))
        {
            Services.Unavailable($"node_modules missing in {nodeDir}: run `npm ci` there to run the botbuilder compatibility test.");
        }

        return Path.Combine(nodeDir, "skill-call.js");
    }

    private static async Task<string> RunNodeAsync(string script, string botUrl)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(botUrl);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Services.Unavailable($"node is not installed ({ex.Message}); the botbuilder compatibility test needs it.");
            throw;
        }

        using (process)
        {
            // A guard against a hung child, not a wait for timing: the script exits as soon as it has its answers.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
            var stderr = process.StandardError.ReadToEndAsync(guard.Token);
            await process.WaitForExitAsync(guard.Token);
            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
