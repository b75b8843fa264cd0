using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BotAssistant.Policies;

namespace BotAssistant.Web.Tests.Assistant;

/// <summary>The assistant behind /api/messages as the conversation evaluation and the Emulator talk to it.</summary>
public sealed class AssistantHostTests : IClassFixture<AssistantHostTests.Host>
{
    private readonly HttpClient _client;

    public AssistantHostTests(Host host) => _client = host.Factory.CreateClient();

    public sealed class Host : IDisposable
    {
        public AssistantHostFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private async Task<JsonElement[]> SayAsync(string conversation, string text, string type = "message")
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = type, ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "test", ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new { id = "user-" + conversation }, ["recipient"] = new { id = "bot" }, ["conversation"] = new { id = conversation },
            ["locale"] = "zh-CN", ["deliveryMode"] = "expectReplies", ["text"] = type == "message" ? text : null,
            ["membersAdded"] = type == "conversationUpdate" ? new[] { new { id = "user-" + conversation } } : null,
        };
        using var response = await _client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    [Fact]
    public async Task A_new_conversation_is_welcomed_with_suggested_questions()
    {
        var replies = await SayAsync("welcome-1", "", "conversationUpdate");

        var welcome = Assert.Single(replies);
        Assert.Contains("平凉、临夏、稷山、巫山、泾源", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task 平凉扩岗补助_每人1500元_出自平政办发2023第75号第五条_已于2023年底结束()
    {
        var replies = await SayAsync("lookup-1", "平凉市一次性扩岗补助每人标准多少？出自哪个文件第几条");

        var reply = Assert.Single(replies);
        var text = reply.GetProperty("text").GetString()!;
        Assert.Contains("1500元", text, StringComparison.Ordinal);
        Assert.Contains("平政办发〔2023〕75号（五）", text, StringComparison.Ordinal);
        Assert.Contains("执行期至2023年12月31日，已于该日结束", text, StringComparison.Ordinal);
        var summary = reply.GetProperty("value");
        Assert.Equal("lookup", summary.GetProperty("kind").GetString());
        Assert.Equal("2026-12-01", summary.GetProperty("asOf").GetString());
        var kuogang = summary.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "pl-kuogang");
        Assert.Equal("ended", kuogang.GetProperty("validity").GetString());
        Assert.Equal("2023-12-31", kuogang.GetProperty("until").GetString());
    }

    [Fact]
    public async Task 巫山三名应届生社保七个月_吸纳就业补贴2000乘3等于6000元()
    {
        var replies = await SayAsync("screen-1", "巫山县 公司招了3个应届生 签了一年合同 社保连续交了7个月了 一次性吸纳就业补贴总共能拿多少");

        var text = string.Join("\n", replies.Select(r => r.GetProperty("text").GetString()));
        Assert.Contains("2000元/人 × 3人 = 6000元", text, StringComparison.Ordinal);
        Assert.Contains("（七）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_gets_a_polite_answer_saying_it_was_cut()
    {
        var replies = await SayAsync("long-1", "巫山见习补贴多少钱" + new string('啊', 10_000));

        // The answer, then (as after any lookup of one place) the question that would settle it for this user.
        var text = replies[0].GetProperty("text").GetString()!;
        Assert.Contains("只读取了前", text, StringComparison.Ordinal);
        Assert.Contains("1300", text, StringComparison.Ordinal);
        Assert.InRange(replies.Length, 1, 2);
    }

    [Fact]
    public async Task Nonsense_gets_rephrasings_as_buttons()
    {
        var reply = Assert.Single(await SayAsync("nonsense-1", "asdfgh qwerty"));

        Assert.Contains("没太明白", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(reply.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength() >= 2);
    }

    [Fact]
    public void The_host_refuses_to_start_on_an_invalid_catalog_naming_file_and_line()
    {
        var broken = Directory.CreateTempSubdirectory("knowledge-").FullName;
        try
        {
            var source = Path.Combine(RepoRoot(), "knowledge");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(broken, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var policy = Path.Combine(broken, "policies", "pingliang-2023-75.yaml");
            File.WriteAllText(policy, File.ReadAllText(policy).Replace("fact: hired_group", "fact: hired_groupp", StringComparison.Ordinal));

            using var factory = new AssistantHostFactory().With("Knowledge:Directory", broken);
            var error = Assert.ThrowsAny<CatalogValidationException>(() => factory.CreateClient());
            Assert.Contains("pingliang-2023-75.yaml:", error.Message, StringComparison.Ordinal);
            Assert.Contains("hired_groupp", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
