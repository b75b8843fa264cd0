using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Turn;

/// <summary>
/// What every adapter shares: the middleware pipeline and turn-error handling. Subclasses decide only how
/// outgoing activities leave (HTTP to a channel, a reply buffer, a test queue).
/// </summary>
public abstract class BotAdapter
{
    public MiddlewareSet Middleware { get; } = new();

    /// <summary>Called when the bot or a middleware throws; the turn's state is not saved.</summary>
    public Func<ITurnContext, Exception, CancellationToken, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        Middleware.Use(middleware);
        return this;
    }

    /// <summary>Sends activities for a turn; the activities are already addressed.</summary>
    protected abstract Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    protected TurnContext CreateTurnContext(Activity activity) => new(activity, SendActivitiesAsync);

    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await Middleware.ReceiveActivityAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex, cancellationToken).ConfigureAwait(false);
        }
    }
}
