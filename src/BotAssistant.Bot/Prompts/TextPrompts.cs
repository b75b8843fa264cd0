using System.Globalization;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Prompts;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(
        ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognizerResult<string>.Failed
            : PromptRecognizerResult<string>.Success(text));
    }
}

/// <summary>
/// A number, read by the recognizer the caller plugs in (the assistant's Chinese number recognizer reads
/// "一千五" or "1.5万"); by default plain digits.
/// </summary>
public sealed class NumberPrompt(string dialogId, Func<string, decimal?>? recognizer = null, PromptValidator<decimal>? validator = null)
    : Prompt<decimal>(dialogId, validator)
{
    private readonly Func<string, decimal?> _recognizer = recognizer ?? ParseDigits;

    protected override Task<PromptRecognizerResult<decimal>> OnRecognizeAsync(
        ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        return Task.FromResult(!string.IsNullOrWhiteSpace(text) && _recognizer(text) is { } value
            ? PromptRecognizerResult<decimal>.Success(value)
            : PromptRecognizerResult<decimal>.Failed);
    }

    /// <summary>Digits with an optional sign and decimal point; full-width digits are read as ASCII.</summary>
    public static decimal? ParseDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Widths.Fold(text).Trim();
        return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

/// <summary>Yes or no, read by the caller's recognizer; the first offered choice also means yes and the second no.</summary>
public sealed class ConfirmPrompt(string dialogId, Func<string, bool?> recognizer, PromptValidator<bool>? validator = null)
    : Prompt<bool>(dialogId, validator)
{
    private readonly Func<string, bool?> _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));

    public ListStyle DefaultStyle { get; init; } = ListStyle.SuggestedAction;

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        ChoiceRendering.SendAsync(turnContext, options, isRetry, DefaultStyle, cancellationToken);

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(
        ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity.Text ?? "";
        var answer = _recognizer(text);
        if (answer is null && options.Choices is { Count: 2 } && ChoiceRecognizer.Recognize(text, options.Choices, null) is { } found)
        {
            answer = found.Index == 0;
        }

        return Task.FromResult(answer is { } yes ? PromptRecognizerResult<bool>.Success(yes) : PromptRecognizerResult<bool>.Failed);
    }
}
