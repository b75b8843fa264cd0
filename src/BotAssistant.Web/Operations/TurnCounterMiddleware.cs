using System.Text.Json.Nodes;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;

using IMiddleware = BotAssistant.Bot.Turn.IMiddleware;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Counts the conversation's completed message turns in its state and stamps the number on every reply as
/// channelData.turn. The count is saved with the rest of the state (same ETag), so it proves from the outside that a
/// turn was neither lost nor applied twice: across instances, after a crash, under load.
/// </summary>
public sealed class TurnCounterMiddleware(ConversationState conversationState) : IMiddleware
{
    public const string ChannelDataKey = "turn";
    private readonly IStatePropertyAccessor<TurnCount> _count = conversationState.CreateProperty<TurnCount>("ops.turns");

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Activity.Conversation?.Id is null)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var count = await _count.GetAsync(turnContext, () => new TurnCount(), cancellationToken).ConfigureAwait(false);
        var turn = count.Completed + 1;
        turnContext.OnSendActivities((_, activities, send) =>
        {
            foreach (var reply in activities)
            {
                reply.ChannelData = Stamp(reply.ChannelData, turn);
            }

            return send();
        });
        await next(cancellationToken).ConfigureAwait(false);
        // The bot may have replaced or cleared the scope (a restart command); write through the accessor again.
        await _count.SetAsync(turnContext, new TurnCount { Completed = turn }, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Stamp(object? channelData, long turn)
    {
        var data = channelData switch
        {
            JsonObject existing => existing,
            null => [],
            _ => BotJson.ToElement(channelData) is { ValueKind: System.Text.Json.JsonValueKind.Object } element ? JsonObject.Create(element)! : [],
        };
        data[ChannelDataKey] = turn;
        return data;
    }

    public sealed class TurnCount : IVersionedState
    {
        public int Version { get; init; } = 1;

        public long Completed { get; init; }
    }
}
