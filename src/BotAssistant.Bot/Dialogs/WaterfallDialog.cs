using System.Text.Json;
using System.Text.Json.Nodes;
using BotAssistant.Bot.Prompts;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>A fixed sequence of steps; the current step index and collected values live in the dialog instance's state.</summary>
public sealed class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";
    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep> steps) : base(id)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToList();
    }

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override string GetVersion() => $"{Id}:{_steps.Count}";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options is null ? null : JsonSerializer.SerializeToNode(options, options.GetType(), BotJson.Options);
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        // Only messages move a waterfall on; typing indicators and events leave it waiting.
        return dc.Context.Activity.IsMessage
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State[StepIndexKey]?.GetValue<int>() ?? -1;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var step = new WaterfallStepContext(this, dc, index, reason, result, (JsonObject)state[ValuesKey]!, state[OptionsKey]);
        return await _steps[index](step, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What a waterfall step sees: the previous step's result, values collected so far, and the dialog operations.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _parent;
    private readonly JsonNode? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog parent, DialogContext dc, int index, DialogReason reason, object? result, JsonObject values, JsonNode? options)
    {
        _parent = parent;
        DialogContext = dc;
        Index = index;
        Reason = reason;
        Result = result;
        Values = values;
        _options = options;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's value, a child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>Saved with the dialog: put what later steps need here, as JSON.</summary>
    public JsonObject Values { get; }

    public T? GetOptions<T>() => _options is null ? default : _options.Deserialize<T>(BotJson.Options);

    public T? GetValue<T>(string name) => Values[name] is { } node ? node.Deserialize<T>(BotJson.Options) : default;

    public void SetValue<T>(string name, T value) => Values[name] = JsonSerializer.SerializeToNode(value, BotJson.Options);

    /// <summary>Skips to the next step now, passing <paramref name="result"/> along.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_parent.Id}'.");
        }

        _nextCalled = true;
        return _parent.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
