using System.Diagnostics;
using BotAssistant.Assistant.Bench;
using BotAssistant.Assistant.Conversation;
using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Assistant.Replies;

// Replays conversations through the assistant in process (understand + decide + render, no HTTP, no storage):
// how many questions a screening needs before its result, and how long one turn takes (p50/p99).
var root = FindRoot();
var knowledge = new KnowledgeBase(Path.Combine(root, "knowledge"), null, [], 500, TimeProvider.System);
var texts = DialogTexts.Load(Path.Combine(root, "dialogs"), []);
var brain = new AssistantBrain(knowledge, texts, new AssistantOptions { AsOf = "2026-12-01" });
var today = new DateOnly(2026, 12, 1);
var evalCases = Path.Combine(root, "..", "shared", "eval-public", "cases.jsonl");
var screenings = File.Exists(evalCases) ? ScreeningScript.FromEvalCases(evalCases).ToList() : [];
var transcripts = ScreeningScript.FromTranscripts(Path.Combine(root, "tests", "BotAssistant.Assistant.Tests", "transcripts")).ToList();

var byTurn = new Dictionary<string, List<double>>();
var questionCounts = new List<(string Name, int Questions)>();
foreach (var script in screenings)
{
    questionCounts.Add((script.Name, Play(script, recordTimes: null, byText: false)));
}

// Questions asked in transcripts: turns whose reply asks something before a reply that does not.
foreach (var script in transcripts)
{
    var state = new AssistantState();
    var asked = 0;
    foreach (var turn in script.Turns)
    {
        if (brain.Respond(state, turn, today) is { ExpectsInput: true })
        {
            asked++;
        }
    }

    questionCounts.Add((script.Name, asked));
}

// First the 30 rounds right after start, while tiered compilation is still recompiling hot methods in the
// background ("cold"); then warm-up until 8 s have passed, and 30 timed rounds on the settled code, which is what a
// host that answers for hours runs. The target is on the settled figure; both are printed.
var warmUntil = Stopwatch.GetTimestamp() + 8 * Stopwatch.Frequency;
var cold = new List<double>();
for (var round = 0; round < 30; round++)
{
    foreach (var script in screenings.Concat(transcripts))
    {
        Play(script, cold, byText: false);
    }
}

cold.Sort();
var warmRounds = 30;
while (Stopwatch.GetTimestamp() < warmUntil)
{
    foreach (var script in screenings.Concat(transcripts))
    {
        Play(script, null, byText: false);
    }

    warmRounds++;
}

var samples = new List<double>();
var gen0Before = GC.CollectionCount(0);
var gen2Before = GC.CollectionCount(2);
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var round = 0; round < 30; round++)
{
    foreach (var script in screenings.Concat(transcripts))
    {
        Play(script, samples, byText: true);
    }
}

var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
var gen0 = GC.CollectionCount(0) - gen0Before;
var gen2 = GC.CollectionCount(2) - gen2Before;

samples.Sort();
Console.WriteLine($"conversations: {screenings.Count} scripted screenings + {transcripts.Count} transcripts");
Console.WriteLine("questions before the result (count of conversations):");
foreach (var g in questionCounts.GroupBy(q => q.Questions).OrderBy(g => g.Key))
{
    Console.WriteLine($"  {g.Key}: {g.Count()}");
}

Console.WriteLine($"  ≤5: {questionCounts.Count(q => q.Questions <= 5) * 100.0 / Math.Max(1, questionCounts.Count):F0}%; max {questionCounts.Max(q => q.Questions)} ({questionCounts.MaxBy(q => q.Questions).Name})");
Console.WriteLine($"turn (understand + decide + render), cold (first 30 rounds): n={cold.Count} p50={cold[cold.Count / 2]:F0} µs p95={cold[(int)(cold.Count * 0.95)]:F0} µs p99={cold[Math.Min(cold.Count - 1, (int)(cold.Count * 0.99))]:F0} µs");
Console.WriteLine($"turn (understand + decide + render), settled, after {warmRounds} warm-up rounds: n={samples.Count} p50={Pct(0.5):F0} µs p95={Pct(0.95):F0} µs p99={Pct(0.99):F0} µs max={samples[^1]:F0} µs; {gen0} gen0 and {gen2} gen2 collections while timed");
// Bytes allocated on this thread over the timed rounds per turn (includes the bench's own per-text sample lists, a few bytes a turn).
Console.WriteLine($"allocated per turn (settled, mean): {allocated / (double)samples.Count / 1024:F1} KiB");

// Messages over the 500-character input limit are cut before understanding; they are reported apart from the rest.
var withinLimit = byTurn.Where(kv => kv.Key.Length <= 500).SelectMany(kv => kv.Value).Order().ToList();
Console.WriteLine($"turns within the 500-character limit: n={withinLimit.Count} p50={withinLimit[withinLimit.Count / 2]:F0} µs p99={withinLimit[Math.Min(withinLimit.Count - 1, (int)(withinLimit.Count * 0.99))]:F0} µs");
Console.WriteLine("slowest turns (median µs):");
foreach (var (text, times) in byTurn.Select(kv => (kv.Key, kv.Value.Order().ToList())).OrderByDescending(x => x.Item2[x.Item2.Count / 2]).Take(8))
{
    Console.WriteLine($"  {times[times.Count / 2],8:F0}  {text[..Math.Min(40, text.Length)]}");
}

double Pct(double p) => samples[Math.Min(samples.Count - 1, (int)(samples.Count * p))];

int Play(ScreeningScript script, List<double>? recordTimes, bool byText)
{
    var state = new AssistantState();
    Reply? reply = null;
    foreach (var turn in script.Turns)
    {
        reply = Timed(state, turn, recordTimes, byText);
    }

    var questions = 0;
    while (script.Answers.Count > 0 && reply is { ExpectsInput: true } && questions < 8)
    {
        // The question is the reply's last message: its own text and buttons, as a channel shows it.
        var asked = reply.Question.Count > 0 ? reply.Question : reply.Paragraphs;
        reply = Timed(state, script.AnswerTo(string.Join("\n", asked.Concat(reply.Actions.Select(a => a.Title ?? "")))), recordTimes, byText);
        questions++;
    }

    return questions;
}

Reply Timed(AssistantState state, string text, List<double>? recordTimes, bool byText)
{
    var start = Stopwatch.GetTimestamp();
    var reply = brain.Respond(state, text, today);
    ReplyRenderer.Render(reply, ChannelProfile.For("webchat"));
    var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    recordTimes?.Add(micros);
    if (byText)
    {
        if (!byTurn.TryGetValue(text, out var list))
        {
            byTurn[text] = list = [];
        }

        list.Add(micros);
    }

    return reply;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run inside the repository");
}
