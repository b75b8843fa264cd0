using BotAssistant.Bot.Prompts;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Dialogs;

/// <summary>The dialog stack of one turn (of the bot, or inside one component) and the operations on it.</summary>
public sealed class DialogContext
{
    private readonly DialogState _state;

    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    public DialogContext? Parent { get; }

    public IReadOnlyList<DialogInstance> Stack => _state.DialogStack;

    public DialogInstance? ActiveDialog => _state.DialogStack.Count > 0 ? _state.DialogStack[0] : null;

    /// <summary>Looks in this set, then in enclosing components' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException(
            $"Dialog '{dialogId}' was not found. Add it with AddDialog()/DialogSet.Add() before starting it.");
        _state.DialogStack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows a prompt dialog; its options say what to ask, what to say on a retry, and which choices to offer.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options ?? throw new ArgumentNullException(nameof(options)), cancellationToken);

    /// <summary>Hands the turn to interruptions, then to the active dialog; Empty when nothing is active.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        if (Context.Activity.IsMessage && await InterruptAsync(cancellationToken).ConfigureAwait(false) is { } interrupted)
        {
            return interrupted;
        }

        // An interruption may have changed the stack; continue whatever is active now.
        active = ActiveDialog ?? active;
        var dialog = RequireDialog(active.Id);
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is not { } parent)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await RequireDialog(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question (after help text, for instance).</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active
            ? RequireDialog(active.Id).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Checks interruptions from the outermost context inwards, so a bot-level "restart" wins over a component's.</summary>
    private async Task<DialogTurnResult?> InterruptAsync(CancellationToken cancellationToken)
    {
        foreach (var handler in Dialogs.Interruptions)
        {
            if (await handler(this, cancellationToken).ConfigureAwait(false) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        _state.DialogStack.RemoveAt(0);
        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private Dialog RequireDialog(string dialogId) => FindDialog(dialogId) ?? throw new InvalidOperationException(
        $"The saved dialog stack names '{dialogId}', which is no longer registered. Keep ids stable across deploys or clear the stack.");

    internal Activity Activity => Context.Activity;
}
