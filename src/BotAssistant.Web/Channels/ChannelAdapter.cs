using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Transcripts;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels;

/// <summary>Receives each reply of a turn as the bot sends it; returns the id the channel gave it.</summary>
public delegate ValueTask<string> ReplySink(Activity reply, CancellationToken cancellationToken);

/// <summary>
/// The adapter for channels this host terminates itself (Direct Line, WeChat): the same middleware instances as
/// <see cref="CloudAdapter"/> (transcript, state auto-save), but replies go to a sink instead of a serviceUrl.
/// </summary>
public sealed partial class ChannelAdapter : BotAdapter
{
    private static readonly TurnStateKey<ReplySink> SinkKey = new("ChannelAdapter.Sink");
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ChannelAdapter> _logger;
    private readonly string? _turnErrorMessage;

    public ChannelAdapter(
        IEnumerable<BotAssistant.Bot.Turn.IMiddleware> middleware, IOptions<BotRuntimeOptions> options, TimeProvider timeProvider, ILogger<ChannelAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _logger = logger;
        _turnErrorMessage = options.Value.TurnErrorMessage;
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = SendTurnErrorAsync;
    }

    /// <summary>Runs one turn; every reply reaches <paramref name="sink"/> before this returns.</summary>
    public async Task ProcessAsync(Activity activity, IBot bot, ReplySink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(sink);
        activity.Timestamp ??= _timeProvider.GetUtcNow();
        var context = CreateTurnContext(activity);
        context.TurnState.Set(SinkKey, sink);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one turn and returns its replies in order (for channels that answer in the HTTP response).</summary>
    public async Task<IReadOnlyList<Activity>> CollectAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        var replies = new List<Activity>();
        await ProcessAsync(activity, bot, (reply, _) =>
        {
            lock (replies)
            {
                replies.Add(reply);
            }

            return ValueTask.FromResult(reply.Id ?? "");
        }, cancellationToken).ConfigureAwait(false);
        lock (replies)
        {
            return [.. replies];
        }
    }

    protected override async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var sink = turnContext.TurnState.GetRequired(SinkKey);
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            activity.Timestamp ??= _timeProvider.GetUtcNow();
            responses.Add(new ResourceResponse(await sink(activity, cancellationToken).ConfigureAwait(false)));
        }

        return responses;
    }

    private async Task SendTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Log.TurnFailed(_logger, exception, turnContext.Activity.ChannelId, PiiMasker.Mask(turnContext.Activity.Conversation?.Id));
        if (!string.IsNullOrWhiteSpace(_turnErrorMessage))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(_turnErrorMessage), cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Turn failed on channel {ChannelId}, conversation {ConversationId}; state not saved")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);
    }
}
