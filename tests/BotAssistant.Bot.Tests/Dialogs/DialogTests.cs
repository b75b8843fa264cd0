using BotAssistant.Bot.Dialogs;
using BotAssistant.Bot.Prompts;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Testing;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Tests.Dialogs;

public sealed class DialogTests
{
    private readonly MemoryStorage _storage = new();

    private sealed class Bot(ConversationState state, Dialog root, Func<DialogContext, CancellationToken, Task<DialogTurnResult?>>? interrupt = null) : IBot
    {
        private readonly IStatePropertyAccessor<DialogState> _stack = state.CreateProperty<DialogState>("dialogState");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var set = new DialogSet(_stack).Add(root);
            if (interrupt is not null)
            {
                set.AddInterruption((dc, ct) => interrupt(dc, ct));
            }

            var dc = await set.CreateContextAsync(turnContext, cancellationToken);
            var result = await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                await dc.BeginDialogAsync(root.Id, null, cancellationToken);
            }
        }
    }

    private sealed class Screening : ComponentDialog
    {
        public Screening() : base("screening")
        {
            AddDialog(new WaterfallDialog("steps", [AskAgeAsync, AskPlaceAsync, AskConfirmAsync, SummarizeAsync]));
            AddDialog(new NumberPrompt("age", ChineseDigits, (pc, _) => Task.FromResult(pc.Recognized.Succeeded && pc.Recognized.Value is >= 16 and <= 70)));
            AddDialog(new ChoicePrompt("place", numberRecognizer: ChineseDigits) { DefaultStyle = ListStyle.List });
            AddDialog(new ConfirmPrompt("confirm", t => t switch { "是" or "对" => true, "否" or "不是" => false, _ => null }));
        }

        private static decimal? ChineseDigits(string text) => text switch { "三十五" => 35, "二" => 2, _ => NumberPrompt.ParseDigits(text) };

        private static Task<DialogTurnResult> AskAgeAsync(WaterfallStepContext step, CancellationToken ct) =>
            step.PromptAsync("age", new PromptOptions
            {
                Prompt = MessageFactory.Text("您今年多大？"),
                RetryPrompt = MessageFactory.Text("请输入16到70之间的年龄"),
                MaxAttempts = 3,
            }, ct);

        private static Task<DialogTurnResult> AskPlaceAsync(WaterfallStepContext step, CancellationToken ct)
        {
            step.SetValue("age", (decimal?)step.Result);
            return step.PromptAsync("place", new PromptOptions
            {
                Prompt = MessageFactory.Text("您在哪里？"),
                Choices = [new Choice("平凉"), new Choice("临夏", "临夏州"), new Choice("巫山")],
                ListHint = "回复数字选择",
            }, ct);
        }

        private static Task<DialogTurnResult> AskConfirmAsync(WaterfallStepContext step, CancellationToken ct)
        {
            step.SetValue("place", ((FoundChoice)step.Result!).Value);
            return step.PromptAsync("confirm", new PromptOptions
            {
                Prompt = MessageFactory.Text("确认吗？"),
                Choices = [new Choice("是"), new Choice("否")],
            }, ct);
        }

        private static async Task<DialogTurnResult> SummarizeAsync(WaterfallStepContext step, CancellationToken ct)
        {
            await step.Context.SendActivityAsync($"{step.GetValue<decimal?>("age")}岁 {step.GetValue<string>("place")} {step.Result}", ct);
            return await step.EndDialogAsync(null, ct);
        }

        protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (innerDc.Context.Activity.Text != "帮助")
            {
                return null;
            }

            await innerDc.Context.SendActivityAsync("这是帮助", cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return DialogTurnResult.EndOfTurn;
        }
    }

    private TestFlow Flow(Func<DialogContext, CancellationToken, Task<DialogTurnResult?>>? interrupt = null)
    {
        var state = new ConversationState(_storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        return new TestFlow(adapter, new Bot(state, new Screening(), interrupt));
    }

    [Fact]
    public async Task A_waterfall_walks_through_prompts_with_state_saved_between_turns()
    {
        await Flow()
            .Send("你好").AssertReply("您今年多大？")
            .Send("三十五").AssertReply("您在哪里？\n1. 平凉\n2. 临夏\n3. 巫山\n回复数字选择")
            .Send("我在临夏州").AssertSuggestedActions("是", "否")
            .Send("对").AssertReply("35岁 临夏 True")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Invalid_answers_get_the_retry_prompt_until_max_attempts()
    {
        await Flow()
            .Send("你好").AssertReply("您今年多大？")
            .Send("不知道").AssertReply("请输入16到70之间的年龄")
            .Send("200").AssertReply("请输入16到70之间的年龄")
            .Send("也不知道").AssertReply("您在哪里？\n1. 平凉\n2. 临夏\n3. 巫山\n回复数字选择")
            .Send("二").AssertReply(a => Assert.Equal(2, a.SuggestedActions!.Actions.Count))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_component_interruption_answers_help_and_asks_again()
    {
        await Flow()
            .Send("你好").AssertReply("您今年多大？")
            .Send("帮助").AssertReply("这是帮助").AssertReply("您今年多大？")
            .Send("40").AssertReplyContains("您在哪里")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_bot_level_interruption_can_cancel_everything_and_restart()
    {
        async Task<DialogTurnResult?> Restart(DialogContext dc, CancellationToken ct)
        {
            if (dc.Context.Activity.Text != "重新开始")
            {
                return null;
            }

            await dc.CancelAllDialogsAsync(ct);
            return await dc.BeginDialogAsync("screening", null, ct);
        }

        await Flow(Restart)
            .Send("你好").AssertReply("您今年多大？")
            .Send("30").AssertReplyContains("您在哪里")
            .Send("重新开始").AssertReply("您今年多大？")
            .StartTestAsync();
    }

    /// <summary>"换个地方" replaces the running screening with a fresh one: the old answers are gone, the stack is one deep.</summary>
    [Fact]
    public async Task Replace_starts_the_dialog_afresh_in_place_of_the_running_one()
    {
        var depth = 0;
        async Task<DialogTurnResult?> StartOver(DialogContext dc, CancellationToken ct)
        {
            if (dc.Context.Activity.Text != "换个地方")
            {
                return null;
            }

            var result = await dc.ReplaceDialogAsync("screening", null, ct);
            depth = dc.Stack.Count;
            return result;
        }

        await Flow(StartOver)
            .Send("你好").AssertReply("您今年多大？")
            .Send("30").AssertReplyContains("您在哪里")
            .Send("换个地方").AssertReply("您今年多大？")
            .Send("40").AssertReplyContains("您在哪里")
            .Send("3").AssertReplyContains("确认吗")
            .Send("是").AssertReply("40岁 巫山 True")
            .StartTestAsync();
        Assert.Equal(1, depth);
    }

    [Fact]
    public async Task Choice_recognition_by_number_words_and_synonyms()
    {
        IList<Choice> choices = [new("平凉"), new("临夏", "临夏州"), new("巫山")];
        Assert.Equal(0, ChoiceRecognizer.Recognize("１", choices, null)!.Index);
        Assert.Equal(1, ChoiceRecognizer.Recognize("临夏州", choices, null)!.Index);
        Assert.Equal(2, ChoiceRecognizer.Recognize("我在巫山县", choices, null)!.Index);
        Assert.Null(ChoiceRecognizer.Recognize("平凉还是巫山", choices, null));
        Assert.Null(ChoiceRecognizer.Recognize("4", choices, null));
    }

    [Fact]
    public void Duplicate_dialog_ids_are_rejected_with_the_fix()
    {
        var set = new DialogSet().Add(new TextPrompt("x"));
        var error = Assert.Throws<InvalidOperationException>(() => set.Add(new TextPrompt("x")));
        Assert.Contains("unique id", error.Message, StringComparison.Ordinal);
    }
}
