using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BotAssistant.Load;

/// <summary>
/// Plays conversations and checks every reply's channelData.turn (the host's turn counter, saved with the state):
/// a reply numbered below the turn sent means a lost turn, above it a turn applied twice, and the last turn's
/// number must equal the turns sent.
/// </summary>
internal sealed class LoadRun(HttpClient http, LoadOptions options, string channel)
{
    private static readonly string[] Script =
        ["我能领什么补贴", "个人", "平凉", "是", "不知道", "帮助", "稷山场地租赁补贴", "巫山见习补贴多少钱", "各地一次性吸纳就业补贴对比", "重新开始"];

    private readonly List<double> _latencies = [];
    private int _serverErrors;
    private int _lost;
    private int _duplicated;
    private int _wrongFinal;
    private int _apologies;

    public int ServerErrors => _serverErrors;

    public int Lost => _lost;

    public int Duplicated => _duplicated;

    public int WrongFinalState => _wrongFinal;

    public async Task ConversationAsync(string conversationId)
    {
        var directLine = channel == "directline" ? await DirectLineConversation.StartAsync(http, options.Secret) : null;
        long last = 0;
        for (var turn = 1; turn <= options.Turns; turn++)
        {
            var text = Script[(turn - 1) % Script.Length];
            var clock = Stopwatch.StartNew();
            var replies = directLine is null ? await MessagesTurnAsync(conversationId, text) : await directLine.TurnAsync(http, text);
            clock.Stop();
            lock (_latencies)
            {
                _latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (replies is null)
            {
                Interlocked.Increment(ref _serverErrors);
                continue;
            }

            Check(replies, turn);
            last = replies.Select(TurnOf).DefaultIfEmpty(0).Max();
        }

        if (last != options.Turns)
        {
            Interlocked.Increment(ref _wrongFinal);
        }
    }

    public string Report(TimeSpan elapsed)
    {
        var sorted = _latencies.Order().ToList();
        double At(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{channel}: {options.Conversations} conversations x {options.Turns} turns = {sorted.Count} turns in {elapsed.TotalSeconds:0.0} s " +
            $"({sorted.Count / elapsed.TotalSeconds:0} turns/s); p50 {At(0.50):0.0} ms, p99 {At(0.99):0.0} ms, max {At(1):0.0} ms; " +
            $"server errors {_serverErrors}, apologies {_apologies}, lost {_lost}, duplicated {_duplicated}, wrong final state {_wrongFinal}");
    }

    private void Check(IReadOnlyList<JsonElement> replies, int turn)
    {
        if (replies.Count == 0)
        {
            Interlocked.Increment(ref _lost);
            return;
        }

        foreach (var reply in replies)
        {
            var numbered = TurnOf(reply);
            if (reply.TryGetProperty("text", out var text) && text.GetString()?.Contains("稍后再试", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _apologies);
                Interlocked.Increment(ref _serverErrors);
            }
            else if (numbered < turn)
            {
                Interlocked.Increment(ref _lost);
            }
            else if (numbered > turn)
            {
                Interlocked.Increment(ref _duplicated);
            }
        }
    }

    private async Task<IReadOnlyList<JsonElement>?> MessagesTurnAsync(string conversationId, string text)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "load",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            conversation = new { id = conversationId },
            from = new { id = "user-" + conversationId },
            recipient = new { id = "bot" },
            locale = "zh-CN",
            text,
        };
        using var content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/messages", content);
        if ((int)response.StatusCode >= 500 || !response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    internal static long TurnOf(JsonElement reply) =>
        reply.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("turn", out var turn)
            ? turn.GetInt64()
            : 0;

    /// <summary>One Direct Line conversation: post an activity, poll from the watermark until its replies arrive.</summary>
    private sealed class DirectLineConversation(string conversationId, string token)
    {
        private string _watermark = "";

        public static async Task<DirectLineConversation?> StartAsync(HttpClient http, string secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
            {
                Content = new StringContent("""{"user":{"id":"load_user"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            return new DirectLineConversation(body.RootElement.GetProperty("conversationId").GetString()!, body.RootElement.GetProperty("token").GetString()!);
        }

        public async Task<IReadOnlyList<JsonElement>?> TurnAsync(HttpClient http, string text)
        {
            using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities",
                JsonSerializer.Serialize(new { type = "message", from = new { id = "load_user" }, text }));
            using var posted = await http.SendAsync(post);
            if (!posted.IsSuccessStatusCode)
            {
                return null;
            }

            string id;
            using (var ack = JsonDocument.Parse(await posted.Content.ReadAsStreamAsync()))
            {
                id = ack.RootElement.GetProperty("id").GetString()!;
            }

            // The post returns after the turn, so its replies are already in the log; poll a bounded number of times anyway.
            var replies = new List<JsonElement>();
            for (var attempt = 0; attempt < 50 && replies.Count == 0; attempt++)
            {
                using var get = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={_watermark}", null);
                using var got = await http.SendAsync(get);
                if (!got.IsSuccessStatusCode)
                {
                    return null;
                }

                using var body = JsonDocument.Parse(await got.Content.ReadAsStreamAsync());
                _watermark = body.RootElement.GetProperty("watermark").GetString() ?? _watermark;
                replies.AddRange(body.RootElement.GetProperty("activities").EnumerateArray()
                    .Where(a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id).Select(a => a.Clone()));
                if (replies.Count == 0)
                {
                    await Task.Delay(100);
                }
            }

            return replies;
        }

        private HttpRequestMessage Request(HttpMethod method, string path, string? json)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            return request;
        }
    }
}
