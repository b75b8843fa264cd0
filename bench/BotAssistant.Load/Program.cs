using System.Diagnostics;
using System.Globalization;
using BotAssistant.Load;

// Load driver: N concurrent conversations x M turns against a running host over loopback, through /api/messages
// (expectReplies) and/or Direct Line; then K more conversations to measure the host's RSS while they are active.
// Usage: dotnet run -c Release --project bench/BotAssistant.Load -- --url http://127.0.0.1:5080 --pid <host pid>
//        [--conversations 200] [--turns 20] [--channel both|messages|directline] [--secret S] [--active 1000]
var options = LoadOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = new Uri(options.Url),
    Timeout = TimeSpan.FromSeconds(60),
};

var channels = options.Channel == "both" ? new[] { "messages", "directline" } : [options.Channel];
var failed = false;
foreach (var channel in channels)
{
    var run = new LoadRun(http, options, channel);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(i => run.ConversationAsync($"load-{channel}-{i}-{Guid.NewGuid():N}")));
    clock.Stop();
    var report = run.Report(clock.Elapsed);
    Console.WriteLine(report);
    failed |= run.ServerErrors > 0 || run.Lost > 0 || run.Duplicated > 0 || run.WrongFinalState > 0;
}

if (options.Pid > 0 && options.Active > 0)
{
    var run = new LoadRun(http, options with { Turns = 1 }, "messages");
    var started = 0;
    // A bounded number in flight: the point is how much 1,000 live conversations cost, not how fast they arrive.
    using var gate = new SemaphoreSlim(50);
    await Task.WhenAll(Enumerable.Range(0, options.Active).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            await run.ConversationAsync($"active-{i}-{Guid.NewGuid():N}");
            Interlocked.Increment(ref started);
        }
        finally
        {
            gate.Release();
        }
    }));
    var (rss, peak) = ProcessMemory.Read(options.Pid);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"active conversations: {started} more (plus the load above); host RSS {rss / 1024.0:0.0} MB, peak {peak / 1024.0:0.0} MB; server errors {run.ServerErrors}"));
    failed |= rss > 150 * 1024 || run.ServerErrors > 0;
}

return failed ? 1 : 0;
