using BotAssistant.Bot.Auth;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Transcripts;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotAssistant.Bot.Adapters;

/// <summary>What the HTTP layer answers after a turn: a status code and an optional JSON body.</summary>
public sealed record TurnOutcome(int StatusCode, object? Body)
{
    public static TurnOutcome Accepted { get; } = new(202, null);

    /// <summary>An activity type this runtime does not know: acknowledged and ignored, as channels expect.</summary>
    public static TurnOutcome Ignored { get; } = new(200, null);
}

/// <summary>
/// Transport-free turn processing: authenticates, runs middleware and the bot, and either collects replies
/// (deliveryMode expectReplies) or posts each one to the channel's serviceUrl.
/// </summary>
public sealed partial class CloudAdapter : BotAdapter
{
    private static readonly TurnStateKey<List<Activity>> BufferKey = new("CloudAdapter.ExpectedReplies");
    private static readonly TurnStateKey<InvokeResponse> InvokeKey = new("CloudAdapter.InvokeResponse");
    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly BotRuntimeOptions _options;

    public CloudAdapter(
        IBotAuthenticator authenticator,
        IConnectorClient connector,
        IEnumerable<IMiddleware> middleware,
        IOptions<BotRuntimeOptions> options,
        TimeProvider timeProvider,
        ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _connector = connector;
        _timeProvider = timeProvider;
        _logger = logger;
        _options = options.Value;
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = SendTurnErrorAsync;
    }

    /// <summary>Throws <see cref="BotAuthenticationException"/> when the caller is not authenticated.</summary>
    public async Task<TurnOutcome> ProcessActivityAsync(Activity activity, string? authHeader, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        await _authenticator.AuthenticateAsync(authHeader, activity, cancellationToken).ConfigureAwait(false);
        if (!ActivityTypes.IsKnown(activity.Type))
        {
            Log.Ignored(_logger, activity.Type, activity.ChannelId);
            return TurnOutcome.Ignored;
        }

        activity.Timestamp ??= _timeProvider.GetUtcNow();
        var context = CreateTurnContext(activity);
        var replies = activity.ExpectsReplies ? context.TurnState.GetOrAdd(BufferKey, () => []) : null;
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

        if (context.TurnState.Get(InvokeKey) is { } invoke)
        {
            return new TurnOutcome(invoke.Status, invoke.Body);
        }

        return replies is null ? TurnOutcome.Accepted : new TurnOutcome(200, new ExpectedReplies { Activities = replies });
    }

    protected override async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Count);
        var buffer = turnContext.TurnState.Get(BufferKey);
        foreach (var activity in activities)
        {
            activity.Timestamp ??= _timeProvider.GetUtcNow();
            if (activity.Type == ActivityTypes.InvokeResponse)
            {
                turnContext.TurnState.Set(InvokeKey, activity.GetValue<InvokeResponse>() ?? new InvokeResponse(200, null));
                responses.Add(new ResourceResponse(null));
            }
            else if (buffer is not null)
            {
                activity.Id ??= UniqueIds.Next();
                buffer.Add(activity);
                responses.Add(new ResourceResponse(activity.Id));
            }
            else
            {
                responses.Add(await _connector.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false));
            }
        }

        return responses;
    }

    private async Task SendTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Log.TurnFailed(_logger, exception, turnContext.Activity.ChannelId, PiiMasker.Mask(turnContext.Activity.Conversation?.Id));
        if (string.IsNullOrWhiteSpace(_options.TurnErrorMessage))
        {
            return;
        }

        try
        {
            // Replies sent before the failure stay; the apology is appended so the user is not left waiting.
            await turnContext.SendActivityAsync(MessageFactory.Text(_options.TurnErrorMessage), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            Log.ApologyFailed(_logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Ignored activity of unknown type {Type} from channel {ChannelId}")]
        public static partial void Ignored(ILogger logger, string? type, string? channelId);

        [LoggerMessage(2, LogLevel.Error, "Turn failed on channel {ChannelId}, conversation {ConversationId}; state not saved")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);

        [LoggerMessage(3, LogLevel.Warning, "Could not tell the user that the turn failed")]
        public static partial void ApologyFailed(ILogger logger, Exception exception);
    }
}
