using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.State;

/// <summary>State shared by everyone in a conversation: the dialog stack and what was asked so far.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return $"{Require(activity.ChannelId, "channelId")}/conversations/{Require(activity.Conversation?.Id, "conversation.id")}";
    }
}

/// <summary>State that follows one user across conversations on a channel.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return $"{Require(activity.ChannelId, "channelId")}/users/{Require(activity.From?.Id, "from.id")}";
    }
}

/// <summary>Saves every loaded scope after the turn succeeds; a turn that throws saves nothing.</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] states) : IMiddleware
{
    private readonly BotState[] _states = states;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);
        foreach (var state in _states)
        {
            await state.SaveChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
