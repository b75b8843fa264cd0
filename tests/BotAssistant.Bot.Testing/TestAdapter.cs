using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Testing;

/// <summary>
/// Runs turns in memory: replies go to a queue instead of a channel. Timestamps come from a fixed clock that
/// advances one second per activity, so transcripts are the same on every run.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly Queue<Activity> _replies = new();
    private DateTimeOffset _clock = new(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private int _nextId;

    public TestAdapter(string channelId = "test", string conversationId = "conversation-1", string userId = "user1", string locale = "zh-CN")
    {
        Conversation = new ConversationReference(
            null, new ChannelAccount(userId, "User"), new ChannelAccount("bot", "Bot"),
            new ConversationAccount(conversationId), channelId, "https://test.invalid", locale);
    }

    public ConversationReference Conversation { get; }

    /// <summary>Every activity the bot sent, in order, including those already asserted.</summary>
    public List<Activity> Sent { get; } = [];

    public Activity MakeActivity(string? text = null)
    {
        var activity = MessageFactory.Text(text ?? "", inputHint: null);
        return activity.ApplyConversationReference(Conversation, isIncoming: true);
    }

    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(Conversation, isIncoming: true);
        activity.Id ??= NextId();
        activity.Timestamp ??= Tick();
        await RunPipelineAsync(CreateTurnContext(activity), callback, cancellationToken);
    }

    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    public int PendingReplies => _replies.Count;

    protected override Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            activity.Id ??= NextId();
            activity.Timestamp ??= Tick();
            _replies.Enqueue(activity);
            Sent.Add(activity);
            responses.Add(new ResourceResponse(activity.Id));
        }

        return Task.FromResult<IReadOnlyList<ResourceResponse>>(responses);
    }

    private string NextId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DateTimeOffset Tick() => _clock = _clock.AddSeconds(1);
}
