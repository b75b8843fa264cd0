using System.Text.Json;
using System.Text.RegularExpressions;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Assistant.Tests;

/// <summary>Every conversation in transcripts/: each turn's replies must say what the policy says, and nothing it forbids.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in TranscriptCase.LoadAll())
        {
            data.Add(c.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Conversation_goes_as_the_policy_says(string name)
    {
        var transcript = TranscriptCase.LoadAll().Single(c => c.ToString() == name);
        var chat = AssistantHarness.Chat(transcript.AsOf, transcript.Channel);
        await chat.JoinAsync();
        var log = new List<string>();
        foreach (var turn in transcript.Turns)
        {
            var replies = await chat.SayAsync(turn.User);
            var text = Chat.Visible(replies);
            log.Add($"user: {turn.User}\nbot: {text}");
            var context = string.Join("\n---\n", log);
            Assert.True(replies.Count > 0, $"no reply to \"{turn.User}\"\n{context}");
            foreach (var rx in turn.Expect)
            {
                Assert.True(Regex.IsMatch(text, rx), $"missing /{rx}/ after \"{turn.User}\"\n{context}");
            }

            foreach (var rx in turn.Not)
            {
                Assert.False(Regex.IsMatch(text, rx), $"must not say /{rx}/ after \"{turn.User}\"\n{context}");
            }

            if (turn.Asks is { } asks)
            {
                Assert.True(asks == Chat.AsksSomething(replies), $"expected {(asks ? "a question" : "no question")} after \"{turn.User}\"\n{context}");
            }

            foreach (var id in turn.Measures)
            {
                Assert.True(SummaryIds(replies).Contains(id), $"value summary lacks {id} after \"{turn.User}\"\n{context}");
            }
        }
    }

    private static HashSet<string> SummaryIds(IEnumerable<Activity> replies) => replies
        .Where(a => a.Value is not null)
        .Select(a => JsonSerializer.SerializeToElement(a.Value, BotJson.Options))
        .Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("measures", out _))
        .SelectMany(v => v.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetString()!))
        .ToHashSet();
}
