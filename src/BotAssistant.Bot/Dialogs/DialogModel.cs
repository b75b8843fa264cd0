using System.Text.Json.Nodes;
using BotAssistant.Bot.State;

namespace BotAssistant.Bot.Dialogs;

/// <summary>One frame of the dialog stack: which dialog, and its state as plain JSON so it survives a restart.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";

    public JsonObject State { get; set; } = [];
}

/// <summary>The dialog stack as kept in conversation state; the top of the stack is the first element.</summary>
public sealed class DialogState : IVersionedState
{
    public int Version { get; set; } = CurrentVersion;

    public List<DialogInstance> DialogStack { get; set; } = [];

    int IVersionedState.Version => Version;

    public const int CurrentVersion = 1;
}

public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing was active to handle the turn.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    Complete,
    Cancelled,
}

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

/// <summary>
/// The outcome of a dialog operation. <see cref="Result"/> passes a value to the parent within the same turn only,
/// so it need not be serializable.
/// </summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);
}

/// <summary>
/// Runs before the active dialog sees a message (help, restart, cancel, back). Return null to let the active dialog
/// continue, or the turn's result when the interruption handled the message itself.
/// </summary>
public delegate Task<DialogTurnResult?> InterruptionHandler(DialogContext dialogContext, CancellationToken cancellationToken);
