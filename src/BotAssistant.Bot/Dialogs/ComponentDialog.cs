using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Dialogs;

/// <summary>
/// A dialog made of dialogs: its own inner stack, kept inside its instance state, starting at
/// <see cref="InitialDialogId"/>. Override <see cref="OnInterruptAsync"/> to catch help/cancel/back inside it.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";
    private readonly DialogSet _dialogs = new();

    protected ComponentDialog(string id) : base(id) { }

    /// <summary>The first dialog added, unless set explicitly.</summary>
    public string? InitialDialogId { get; protected set; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    protected Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override string GetVersion() => $"{Id}:{_dialogs.GetVersion()}";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var initial = InitialDialogId ?? throw new InvalidOperationException(
            $"Component '{Id}' has no dialogs; call AddDialog() within its constructor.");
        return RunInnerAsync(dc, inner => inner.BeginDialogAsync(initial, options, cancellationToken), cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunInnerAsync(dc, async inner =>
        {
            if (dc.Context.Activity.IsMessage && await OnInterruptAsync(inner, cancellationToken).ConfigureAwait(false) is { } handled)
            {
                return handled;
            }

            return await inner.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Something the component started in the outer stack ended: re-ask the inner question.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = LoadInner(instance);
        var inner = new DialogContext(_dialogs, turnContext, state);
        await inner.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        SaveInner(instance, state);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var state = LoadInner(instance);
            await new DialogContext(_dialogs, turnContext, state).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            SaveInner(instance, state);
        }
    }

    /// <summary>Runs before the inner active dialog sees a message. Return null to let it continue.</summary>
    protected virtual Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);

    /// <summary>The inner stack finished: end this component with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private async Task<DialogTurnResult> RunInnerAsync(
        DialogContext outer, Func<DialogContext, Task<DialogTurnResult>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var instance = outer.ActiveDialog!;
        var state = LoadInner(instance);
        var result = await operation(new DialogContext(_dialogs, outer.Context, state, outer)).ConfigureAwait(false);
        SaveInner(instance, state);
        return result.Status switch
        {
            DialogTurnStatus.Complete => await EndComponentAsync(outer, result.Result, cancellationToken).ConfigureAwait(false),
            DialogTurnStatus.Cancelled or DialogTurnStatus.Empty => await outer.EndDialogAsync(null, cancellationToken).ConfigureAwait(false),
            _ => result,
        };
    }

    private static DialogState LoadInner(DialogInstance instance) =>
        instance.State[InnerStackKey]?.Deserialize<DialogState>(BotJson.Options) ?? new DialogState();

    private static void SaveInner(DialogInstance instance, DialogState state) =>
        instance.State[InnerStackKey] = JsonSerializer.SerializeToNode(state, BotJson.Options);
}

public static class DialogExtensions
{
    /// <summary>
    /// The usual bot entry point: continue the active dialog, or start <paramref name="dialog"/> when none is active.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var set = new DialogSet(accessor).Add(dialog);
        var dc = await set.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false)
            : result;
    }
}
