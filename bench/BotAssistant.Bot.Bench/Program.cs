using System.Diagnostics;
using Activity = BotAssistant.Bot.Schema.Activity;
using System.Globalization;
using System.Net.Http.Json;
using BotAssistant.Bot.Hosting;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;
using BotAssistant.Web.Endpoints;

// Load driver: /api/messages turns (SQLite state, expectReplies) beside a plain Kestrel JSON endpoint, same process.
// Usage: dotnet run -c Release --project bench/BotAssistant.Bot.Bench [-- seconds-per-run [concurrency ...]]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var dataDir = Path.Combine(Path.GetTempPath(), "botassistant-bench", Guid.NewGuid().ToString("N"));
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Configuration["Storage:Kind"] = "Sqlite";
builder.Configuration["Storage:SqlitePath"] = Path.Combine(dataDir, "bench.db");
builder.Configuration["Transcripts:Kind"] = "None";
builder.Services.AddBotRuntime(builder.Configuration, new RepositoryLayout(dataDir));
builder.Services.AddSingleton<IBot, CounterBot>();
await using var app = builder.Build();
app.MapBotMessages();
app.MapPost("/plain", async (HttpRequest request) =>
{
    var activity = await request.ReadFromJsonAsync<Activity>(BotJson.Options);
    return Results.Json(new ExpectedReplies { Activities = [activity!.CreateReply("1")] }, BotJson.Options);
});
await app.StartAsync();
var baseUrl = app.Urls.First();

using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
Console.WriteLine($"| endpoint | concurrency | turns/s | p50 ms | p99 ms |");
Console.WriteLine($"|---|---:|---:|---:|---:|");
var concurrencies = args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 16, 64];
foreach (var concurrency in concurrencies)
{
    foreach (var path in new[] { "/plain", "/api/messages" })
    {
        await RunAsync(client, path, concurrency, TimeSpan.FromSeconds(1)); // warm-up
        var (rate, p50, p99) = await RunAsync(client, path, concurrency, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {concurrency} | {rate:F0} | {p50:F2} | {p99:F2} |"));
    }
}

await app.StopAsync();

static async Task<(double Rate, double P50, double P99)> RunAsync(HttpClient client, string path, int concurrency, TimeSpan duration)
{
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    var workers = Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var latencies = new List<double>();
        var conversation = $"bench-{Guid.NewGuid():N}";
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message, Id = latencies.Count.ToString(CultureInfo.InvariantCulture), ChannelId = "bench",
                ServiceUrl = "http://127.0.0.1:9/", From = new("user-" + worker), Recipient = new("bot"),
                Conversation = new(conversation), Text = "你好", DeliveryMode = DeliveryModes.ExpectReplies,
            };
            var t0 = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync(path, activity, BotJson.Options);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        return latencies;
    }).ToList();
    var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToList();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    return (all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

/// <summary>The minimal turn: read a counter from conversation state, bump it, reply; state saved with its ETag.</summary>
internal sealed class CounterBot(ConversationState state) : ActivityHandler
{
    private readonly IStatePropertyAccessor<Counter> _counter = state.CreateProperty<Counter>("counter");

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var counter = await _counter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        counter.Value++;
        await turnContext.SendActivityAsync(counter.Value.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    internal sealed class Counter
    {
        public int Value { get; set; }
    }
}
