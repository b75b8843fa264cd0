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

    // The real assistant's three kinds of answer, each in a new conversation, for a person to look at.
    // 平凉 一次性扩岗补助 1500元/人 × 3 = 4500元; 巫山府办发〔2023〕57号（十一）见习补贴每人每月1300元;
    // the compare is an Adaptive Card table with 1200 among the monthly figures.
    private static readonly (string Name, string Say, string Expect)[] Screens =
    [
        ("screening", "我们是平凉的小微企业 招了3个应届毕业生 签了一年合同 社保交了两个月 能拿啥补贴", "4500"),
        ("lookup", "巫山见习补贴多少钱", "1300"),
        ("compare", "平凉 临夏 巫山 的见习补贴 每月标准 比一比", "1200"),
    ];

    [SkippableFact]
    public Task Screenshots_of_a_screening_a_lookup_and_a_compare_at_desktop_width() => TakeScreens("desktop", maxWidth: 1280);

    [SkippableFact]
    public Task Screenshots_of_a_screening_a_lookup_and_a_compare_at_phone_width() => TakeScreens("phone", maxWidth: 390);

    private static async Task TakeScreens(string viewport, int maxWidth)
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
        var directory = ArtifactsDirectory();
        foreach (var (name, _, _) in Screens)
        {
            File.Delete(Path.Combine(directory, $"webchat-{name}-{viewport}.png"));
        }

        var scenarios = JsonSerializer.Serialize(Screens.Select(s => new { name = s.Name, turns = new[] { new { say = s.Say, expect = s.Expect } } }));
        var output = await NodeScript.RunAsync("webchat-screens.js", [pageUrl, chromium, directory, viewport, scenarios], timeoutSeconds: 150);
        // What the script saw (the answers' text, anything sticking out sideways) next to the screenshots.
        File.WriteAllText(Path.Combine(directory, $"webchat-screens-{viewport}.json"), output);

        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.True(root.GetProperty("errors").GetArrayLength() == 0, string.Join("\n", root.GetProperty("errors").EnumerateArray().Select(e => e.GetString())));
        var screens = root.GetProperty("screens").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        foreach (var (name, _, expect) in Screens)
        {
            Assert.True(screens.TryGetValue(name, out var screen), $"no screenshot of the {name}");
            Assert.Contains(expect, screen.GetProperty("lastText").GetString(), StringComparison.Ordinal);
            var file = new FileInfo(screen.GetProperty("file").GetString()!);
            Assert.Equal(Path.Combine(directory, $"webchat-{name}-{viewport}.png"), file.FullName);
            Assert.True(file.Exists && file.Length > 10_000, $"{file.Name} is missing or under 10 KB");
        }

        // No sideways scrolling: nothing wider than the window.
        Assert.True(root.GetProperty("scrollWidth").GetInt32() <= maxWidth, $"the page is {root.GetProperty("scrollWidth").GetInt32()} px wide at {viewport} width");
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
