using BotAssistant.Assistant.Replies;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Assistant.Conversation;

/// <summary>The assistant on the Bot Framework turn model: state in, <see cref="AssistantBrain"/>, replies out.</summary>
public sealed class AssistantBot : ActivityHandler
{
    private readonly AssistantBrain _brain;
    private readonly IStatePropertyAccessor<AssistantState> _state;
    private readonly TimeProvider _clock;

    public AssistantBot(AssistantBrain brain, ConversationState conversationState, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _brain = brain;
        _state = conversationState.CreateProperty<AssistantState>("assistant");
        _clock = clock;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new AssistantState(), cancellationToken).ConfigureAwait(false);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text) && turnContext.Activity.Value is { } value)
        {
            // A card button posts its value instead of text.
            text = value as string ?? BotJson.Convert<string>(value);
        }

        var today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var reply = _brain.Respond(state, text, today);
        await SendAsync(turnContext, reply, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(
        IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new AssistantState(), cancellationToken).ConfigureAwait(false);
        await SendAsync(turnContext, _brain.Welcome(state), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Web Chat sends webchat/join when the page opens: greet there too.
        if (string.Equals(turnContext.Activity.Name, "webchat/join", StringComparison.OrdinalIgnoreCase))
        {
            var state = await _state.GetAsync(turnContext, () => new AssistantState(), cancellationToken).ConfigureAwait(false);
            await SendAsync(turnContext, _brain.Welcome(state), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<IReadOnlyList<ResourceResponse>> SendAsync(ITurnContext turnContext, Reply reply, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync(ReplyRenderer.Render(reply, ChannelProfile.For(turnContext.Activity.ChannelId)), cancellationToken);
}
