using System.Security.Cryptography;
using System.Text;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Dialogs;

/// <summary>The dialogs a bot (or a component) can start, by id, and the interruptions checked before each turn.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly List<InterruptionHandler> _interruptions = [];
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    /// <param name="dialogState">Where the stack is kept; null for a component's inner set.</param>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null) => _dialogState = dialogState;

    public IReadOnlyList<InterruptionHandler> Interruptions => _interruptions;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog) && !ReferenceEquals(_dialogs[dialog.Id], dialog))
        {
            throw new InvalidOperationException(
                $"A different dialog with id '{dialog.Id}' is already in this set; give each dialog a unique id.");
        }

        return this;
    }

    public DialogSet AddInterruption(InterruptionHandler handler)
    {
        _interruptions.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var accessor = _dialogState ?? throw new InvalidOperationException(
            "This DialogSet was created without a state accessor; pass conversationState.CreateProperty<DialogState>(...) to its constructor.");
        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }

    /// <summary>A hash of every dialog's version, to tell whether a saved stack was made by the same dialogs.</summary>
    public string GetVersion()
    {
        var text = string.Join("\n", _dialogs.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.GetVersion()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
