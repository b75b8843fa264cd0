using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using Xunit;
using Xunit.Sdk;

namespace BotAssistant.Bot.Testing;

/// <summary>
/// A scripted conversation: <c>.Send("你好").AssertReply(...)</c>. Each Send runs the whole turn before the next
/// step, so assertions read replies already sent: no timeouts, no waiting.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly List<Func<CancellationToken, Task>> _steps = [];
    private string _lastSent = "(nothing sent yet)";

    public TestFlow(TestAdapter adapter, IBot bot) : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync) { }

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
    }

    public TestFlow Send(string text) => Send(_adapter.MakeActivity(text));

    public TestFlow Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _steps.Add(ct =>
        {
            _lastSent = activity.Text ?? activity.Type;
            return _adapter.ProcessActivityAsync(activity, _callback, ct);
        });
        return this;
    }

    /// <summary>Sends a conversationUpdate announcing the user (what channels send when a chat opens).</summary>
    public TestFlow SendConversationUpdate()
    {
        var activity = _adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [_adapter.Conversation.User!];
        return Send(activity);
    }

    public TestFlow AssertReply(Action<Activity> check, string description = "reply")
    {
        ArgumentNullException.ThrowIfNull(check);
        _steps.Add(_ =>
        {
            var reply = _adapter.GetNextReply()
                ?? throw new XunitException($"Expected a {description} after \"{_lastSent}\", but the bot sent nothing more.");
            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertReply(string expectedText) =>
        AssertReply(a => Assert.Equal(expectedText, a.Text), $"reply \"{expectedText}\"");

    public TestFlow AssertReplyContains(string fragment) =>
        AssertReply(a => Assert.Contains(fragment, a.Text ?? "", StringComparison.Ordinal), $"reply containing \"{fragment}\"");

    /// <summary>The next reply offers exactly these suggested-action titles, in order.</summary>
    public TestFlow AssertSuggestedActions(params string[] titles) => AssertReply(
        a => Assert.Equal(titles, a.SuggestedActions?.Actions.Select(x => x.Title ?? x.ValueText() ?? "").ToArray() ?? []),
        "reply with suggested actions");

    /// <summary>The next reply carries a card of this content type (hero or adaptive), optionally checked further.</summary>
    public TestFlow AssertCard(string contentType, Action<Attachment>? check = null) => AssertReply(a =>
    {
        var card = Assert.Single(a.Attachments ?? [], x => x.ContentType == contentType);
        check?.Invoke(card);
    }, $"reply with a {contentType} card");

    public TestFlow AssertNoReply() => Step(() =>
    {
        var extra = _adapter.GetNextReply();
        Assert.True(extra is null, $"Expected no more replies after \"{_lastSent}\", but got \"{extra?.Text}\" ({extra?.Type}).");
    });

    /// <summary>Any extra check between steps (state, transcript, storage).</summary>
    public TestFlow Do(Func<CancellationToken, Task> step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken);
        }
    }

    private TestFlow Step(Action step) => Do(_ =>
    {
        step();
        return Task.CompletedTask;
    });
}
