using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Turn;

/// <summary>Sends the activities that leave a turn (to the channel, or into a buffer).</summary>
public delegate Task<IReadOnlyList<ResourceResponse>> ActivitySender(
    ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

public sealed class TurnContext(Activity activity, ActivitySender sender) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    public bool Responded { get; private set; }

    public TurnStateBag TurnState { get; } = new();

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Count > 0 ? responses[0] : new ResourceResponse(null);
    }

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ResourceResponse>>([]);
        }

        var reference = Activity.GetConversationReference();
        var outgoing = activities.Select(a => a.ApplyConversationReference(reference)).ToList();
        return RunHandlersAsync(outgoing, 0, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    private Task<IReadOnlyList<ResourceResponse>> RunHandlersAsync(
        IReadOnlyList<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index == _onSend.Count)
        {
            return SendCoreAsync(activities, cancellationToken);
        }

        return _onSend[index](this, activities, () => RunHandlersAsync(activities, index + 1, cancellationToken));
    }

    private async Task<IReadOnlyList<ResourceResponse>> SendCoreAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = await sender(this, activities, cancellationToken).ConfigureAwait(false);
        // Traces and typing indicators are not answers: a turn that only sent those has not responded.
        if (activities.Any(a => a.Type is not (ActivityTypes.Trace or ActivityTypes.Typing)))
        {
            Responded = true;
        }

        return responses;
    }
}
