using System.Diagnostics;
using System.Text.Json;
using BotAssistant.Bot.Testing;
using BotAssistant.Web.Tests.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Staff;

/// <summary>
/// A staff member's round in headless chromium against a real Kestrel host: search → measure → compare → calculator.
/// Screenshots of every step land in artifacts/screenshots/ at the repository root.
/// </summary>
public sealed class StaffBrowserTests
{
    [SkippableFact]
    public async Task A_hotline_round_from_search_to_calculator_works_in_chromium()
    {
        var (script, shots, chromium) = Prerequisites();
        using var factory = new BotHostFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var seen = JsonDocument.Parse(await RunNodeAsync(script, address.TrimEnd('/'), shots, chromium));
        var root = seen.RootElement;

        Assert.Equal("js-changdi", root.GetProperty("search").GetProperty("rows")[0].GetString());
        Assert.Contains("每年最高3000元", root.GetProperty("search").GetProperty("firstAmount").GetString(), StringComparison.Ordinal);

        var measure = root.GetProperty("measure");
        Assert.EndsWith("/staff/measures/js-changdi?asOf=2026-12-01", measure.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("场地租赁补贴", measure.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("执行期至2028年8月22日", measure.GetProperty("validity").GetString());
        Assert.EndsWith("/staff/measures/js-changdi", measure.GetProperty("shareUrl").GetString(), StringComparison.Ordinal);
        Assert.False(measure.GetProperty("navVisibleInPrint").GetBoolean());

        var compare = root.GetProperty("compare");
        Assert.Equal(["平凉市", "临夏回族自治州", "稷山县", "巫山县", "泾源县"], compare.GetProperty("places").EnumerateArray().Select(p => p.GetString()));
        var bars = compare.GetProperty("bars").EnumerateArray().Select(b => b.GetString()!).ToList();
        Assert.Contains(bars, b => b.StartsWith("平凉 · ", StringComparison.Ordinal));
        Assert.Contains(bars, b => b.StartsWith("临夏 · ", StringComparison.Ordinal));
        Assert.Contains(bars, b => b.StartsWith("巫山 · ", StringComparison.Ordinal));

        var calculator = root.GetProperty("calculator");
        Assert.Equal("eligible", calculator.GetProperty("status").GetString());
        Assert.Equal("1500元/人 × 3人 = 4500元", calculator.GetProperty("formula").GetString());

        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        foreach (var name in new[] { "1-search.png", "2-measure.png", "2-measure-print.png", "3-compare.png", "4-calculator.png" })
        {
            Assert.True(new FileInfo(Path.Combine(shots, name)).Length > 10_000, $"{name} is missing or blank");
        }
    }

    private static (string Script, string Shots, string Chromium) Prerequisites()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        var repo = dir?.FullName ?? "";
        var nodeDir = Path.Combine(repo, "tests", "BotAssistant.Web.Tests", "node");
        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "playwright-core")))
        {
            Services.Unavailable($"playwright-core is missing in {nodeDir}: run `npm ci` there to run the staff browser test.");
        }

        var chromium = Environment.GetEnvironmentVariable("BOTASSISTANT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Services.Unavailable($"chromium is not at {chromium}: install it (apt-get install chromium) or set BOTASSISTANT_CHROMIUM.");
        }

        return (Path.Combine(nodeDir, "staff-browser.js"), Path.Combine(repo, "artifacts", "screenshots"), chromium);
    }

    private static async Task<string> RunNodeAsync(string script, string baseUrl, string shots, string chromium)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, baseUrl, shots, chromium })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Services.Unavailable($"node is not installed ({ex.Message}); the staff browser test needs it.");
            throw;
        }

        using (process)
        {
            // A guard against a hung browser, not a wait for timing: the script exits as soon as its round is done.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
            var stderr = process.StandardError.ReadToEndAsync(guard.Token);
            await process.WaitForExitAsync(guard.Token);
            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
