using BotAssistant.Assistant.Conversation;
using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Assistant.Tests;

/// <summary>The real catalog, language model and wording, loaded once (they are immutable), and a fresh conversation per test.</summary>
public static class AssistantHarness
{
    public static string RepoRoot { get; } = FindRoot();

    private static readonly Lazy<KnowledgeBase> SharedKnowledge = new(() => new KnowledgeBase(
        Path.Combine(RepoRoot, "knowledge"), Path.Combine(RepoRoot, "knowledge", "sources"), [], 500, TimeProvider.System));

    private static readonly Lazy<DialogTexts> SharedTexts = new(() => DialogTexts.Load(Path.Combine(RepoRoot, "dialogs"), []));

    public static KnowledgeBase Knowledge => SharedKnowledge.Value;

    public static DialogTexts Texts => SharedTexts.Value;

    public static AssistantBrain Brain(AssistantOptions? options = null) => new(Knowledge, Texts, options ?? new AssistantOptions());

    /// <summary>A bot on its own memory storage, on the given channel, judging policies on <paramref name="asOf"/>.</summary>
    public static Chat Chat(DateOnly asOf, string channel = "test")
    {
        var adapter = new TestAdapter(channel, "conv-" + Guid.NewGuid().ToString("N")[..8]);
        var conversationState = new ConversationState(new MemoryStorage());
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        var options = new AssistantOptions { AsOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        return new Chat(adapter, new AssistantBot(Brain(options), conversationState, TimeProvider.System));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BotAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One conversation: say something, get every reply of that turn.</summary>
public sealed class Chat(TestAdapter adapter, AssistantBot bot)
{
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync);
        return Drain();
    }

    public async Task<IReadOnlyList<Activity>> JoinAsync()
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [new ChannelAccount("user1", "User")];
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync);
        return Drain();
    }

    private List<Activity> Drain()
    {
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>Text, button titles and card text of the replies, as a user sees them.</summary>
    public static string Visible(IEnumerable<Activity> replies) => string.Join("\n", replies.SelectMany(a =>
        new[] { a.Text ?? "" }
            .Concat(a.SuggestedActions?.Actions.Select(x => x.Title ?? "") ?? [])
            .Concat(a.Attachments?.Select(x => System.Text.Json.JsonSerializer.Serialize(x.Content, BotJson.Options)) ?? [])));

    public static bool AsksSomething(IReadOnlyList<Activity> replies) =>
        replies.Count > 0 && (replies[^1].SuggestedActions is { Actions.Count: > 0 } || replies[^1].InputHint == InputHints.ExpectingInput);
}
