using System.Globalization;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Web.Tests.Runtime;

/// <summary>
/// A minimal bot for host tests only: replies with the length of the text it received. "count" bumps a counter
/// in conversation state; "boom" bumps it and then throws, to prove a failed turn saves nothing.
/// </summary>
public sealed class RuntimeProbeBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<Counter> _counter = conversationState.CreateProperty<Counter>("probe.counter");

    public int Turns { get; private set; }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Turns++;
        var text = turnContext.Activity.Text ?? "";
        if (text is "count" or "boom")
        {
            var counter = await _counter.GetAsync(turnContext, () => new Counter(), cancellationToken);
            counter.Value++;
            if (text == "boom")
            {
                throw new InvalidOperationException("probe failure");
            }

            await turnContext.SendActivityAsync($"count={counter.Value}", cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(text.Length.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    public sealed class Counter : IVersionedState
    {
        public int Version => 1;

        public int Value { get; set; }
    }
}
