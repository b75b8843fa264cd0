using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Testing;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Tests.Turn;

/// <summary>Each activity type reaches its own hook; the bot joining the conversation is not greeted.</summary>
public sealed class ActivityHandlerTests
{
    private sealed class Recorder : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("message:" + turnContext.Activity.Text, cancellationToken);

        protected override async Task OnMembersAddedAsync(
            IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            foreach (var member in membersAdded)
            {
                await turnContext.SendActivityAsync("welcome:" + member.Id, cancellationToken);
            }
        }

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("event:" + turnContext.Activity.Name, cancellationToken);

        protected override Task OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("invoke:" + turnContext.Activity.Name, cancellationToken);
    }

    [Fact]
    public async Task Message_members_added_event_and_invoke_each_reach_their_hook()
    {
        var adapter = new TestAdapter();
        var botAndUser = adapter.MakeActivity();
        botAndUser.Type = ActivityTypes.ConversationUpdate;
        botAndUser.Text = null;
        botAndUser.MembersAdded = [botAndUser.Recipient!, botAndUser.From!];
        var ev = adapter.MakeActivity();
        ev.Type = ActivityTypes.Event;
        ev.Name = "webchat/join";
        var invoke = adapter.MakeActivity();
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";

        await new TestFlow(adapter, new Recorder())
            .Send(botAndUser).AssertReply("welcome:" + botAndUser.From!.Id).AssertNoReply()
            .Send("你好").AssertReply("message:你好")
            .Send(ev).AssertReply("event:webchat/join")
            .Send(invoke).AssertReply("invoke:adaptiveCard/action")
            .StartTestAsync();
    }

    [Fact]
    public async Task Unknown_activity_types_reach_no_hook()
    {
        var adapter = new TestAdapter();
        var odd = adapter.MakeActivity();
        odd.Type = "somethingNew";
        await new TestFlow(adapter, new Recorder()).Send(odd).AssertNoReply().StartTestAsync();
    }
}
