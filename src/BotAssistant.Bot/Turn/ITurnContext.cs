using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Turn;

/// <summary>Sees (and may change) outgoing activities before they leave; call <paramref name="next"/> to send them on.</summary>
public delegate Task<IReadOnlyList<ResourceResponse>> SendActivitiesHandler(
    ITurnContext turnContext,
    IReadOnlyList<Activity> activities,
    Func<Task<IReadOnlyList<ResourceResponse>>> next);

public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>True once at least one message-like activity was sent during this turn.</summary>
    bool Responded { get; }

    TurnStateBag TurnState { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a hook that runs for every later send in this turn (transcripts, telemetry).</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
