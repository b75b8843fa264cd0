using System.Text.Json;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>
/// The page at / with the official Web Chat, in Debian's chromium driven by playwright-core, on a phone-sized
/// screen: a question in Chinese, a click on a suggested action, the amount in the answer; the screenshot is kept
/// under TestResults/. By default it talks to the channel probe bot in this process. To drive a running host with
/// the real assistant, set BOTASSISTANT_WEBCHAT_URL (e.g. http://localhost:3978/) and BOTASSISTANT_WEBCHAT_SCENARIO
/// to "question|button title|expected text".
/// </summary>
public sealed class WebChatBrowserTests
{
    [SkippableFact]
    public async Task A_question_and_a_suggested_action_get_the_amount_in_the_browser()
    {
        NodeScript.RequirePackage("playwright-core");
        var chromium = Environment.GetEnvironmentVariable("BOTASSISTANT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Services.Unavailable($"chromium not found at {chromium}: install Debian's chromium and fonts-noto-cjk, or set BOTASSISTANT_CHROMIUM.");
        }

        var scenario = (Environment.GetEnvironmentVariable("BOTASSISTANT_WEBCHAT_SCENARIO") ?? "毕业生有什么补贴？|高校毕业生|1500元").Split('|');
        using var factory = new ChannelHostFactory();
        var pageUrl = Environment.GetEnvironmentVariable("BOTASSISTANT_WEBCHAT_URL") is { Length: > 0 } external ? external : factory.StartKestrel() + "/";
        RequireBundle(pageUrl);
        var screenshot = Path.Combine(ArtifactsDirectory(), "webchat-phone.png");

        var output = await NodeScript.RunAsync("webchat-browser.js", [pageUrl, chromium, screenshot, scenario[0], scenario[1], scenario[2]], timeoutSeconds: 120);

        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Contains(scenario[2], root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains(scenario[1], root.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(root.GetProperty("scrollWidth").GetInt32() <= 390, $"page is {root.GetProperty("scrollWidth").GetInt32()} px wide");
        if (Environment.GetEnvironmentVariable("BOTASSISTANT_WEBCHAT_URL") is not { Length: > 0 })
        {
            Assert.True(root.GetProperty("cards").GetInt32() >= 1, "the hero card was not rendered");
            Assert.Equal(1, factory.Bot.Received["我是高校毕业生"]);
        }

        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
    }

    [SkippableFact]
    public async Task The_real_assistant_answers_in_the_page_with_the_amount_and_the_clause()
    {
        NodeScript.RequirePackage("playwright-core");
        var chromium = Environment.GetEnvironmentVariable("BOTASSISTANT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Services.Unavailable($"chromium not found at {chromium}: install Debian's chromium and fonts-noto-cjk, or set BOTASSISTANT_CHROMIUM.");
        }

        using var factory = new ChannelHostFactory { RealAssistant = true }.With("Assistant:AsOf", "2026-12-01");
        var pageUrl = factory.StartKestrel() + "/";
        RequireBundle(pageUrl);
        var screenshot = Path.Combine(ArtifactsDirectory(), "webchat-assistant.png");

        // 巫山府办发〔2023〕57号（十一）: 见习补贴每人每月1300元; the welcome offers the question as a button.
        var output = await NodeScript.RunAsync(
            "webchat-browser.js", [pageUrl, chromium, screenshot, "你好", "巫山见习补贴多少钱", "1300元"], timeoutSeconds: 120);

        using var result = JsonDocument.Parse(output);
        var answer = result.RootElement.GetProperty("answer").GetString();
        Assert.Contains("1300元", answer, StringComparison.Ordinal);
        Assert.Contains("（十一）", answer, StringComparison.Ordinal);
        Assert.Empty(result.RootElement.GetProperty("errors").EnumerateArray());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
    }

    private static void RequireBundle(string pageUrl)
    {
        using var http = new HttpClient();
        using var response = http.GetAsync(new Uri(new Uri(pageUrl), "lib/webchat.js"), HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            Services.Unavailable("wwwroot/lib/webchat.js is missing: build src/BotAssistant.Web with npm available to fetch botframework-webchat.");
        }
    }

    private static string ArtifactsDirectory()
    {
        var directory = Path.Combine(Path.GetDirectoryName(NodeScript.Directory)!, "TestResults", "artifacts");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
