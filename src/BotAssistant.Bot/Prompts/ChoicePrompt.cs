using System.Globalization;
using System.Text;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Prompts;

/// <summary>
/// One of a list of choices, picked by number ("2", or "第二个" through the caller's number recognizer), by its
/// words, or by a synonym. Rendered as buttons or as a numbered list, per <see cref="PromptOptions.Style"/>.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, Func<string, decimal?>? numberRecognizer = null)
    : Prompt<FoundChoice>(dialogId, validator)
{
    public ListStyle DefaultStyle { get; init; } = ListStyle.SuggestedAction;

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        ChoiceRendering.SendAsync(turnContext, options, isRetry, DefaultStyle, cancellationToken);

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(
        ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text ?? "", options.Choices ?? [], numberRecognizer);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}

public static class ChoiceRecognizer
{
    /// <summary>Exact words first, then a number, then the longest choice word contained in the text; null if none or ambiguous.</summary>
    public static FoundChoice? Recognize(string text, IList<Choice> choices, Func<string, decimal?>? numberRecognizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(choices);
        var input = Widths.Fold(text).Trim();
        if (input.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (Words(choices[i]).Any(w => string.Equals(w, input, StringComparison.OrdinalIgnoreCase)))
            {
                return new FoundChoice(choices[i].Value, i, "exact");
            }
        }

        var number = NumberPrompt.ParseDigits(input) ?? numberRecognizer?.Invoke(input);
        if (number is { } n && n == decimal.Truncate(n) && n >= 1 && n <= choices.Count)
        {
            var index = (int)n - 1;
            return new FoundChoice(choices[index].Value, index, "number");
        }

        return ByContainedWords(input, choices);
    }

    private static FoundChoice? ByContainedWords(string input, IList<Choice> choices)
    {
        var best = -1;
        var bestLength = 0;
        var ambiguous = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var length = Words(choices[i]).Where(w => input.Contains(w, StringComparison.OrdinalIgnoreCase)).Select(w => w.Length).DefaultIfEmpty(0).Max();
            if (length > bestLength)
            {
                (best, bestLength, ambiguous) = (i, length, false);
            }
            else if (length > 0 && length == bestLength)
            {
                ambiguous = true;
            }
        }

        return best < 0 || ambiguous ? null : new FoundChoice(choices[best].Value, best, "words");
    }

    private static IEnumerable<string> Words(Choice choice) =>
        new[] { choice.Value, choice.Title }.Concat(choice.Synonyms).Where(w => !string.IsNullOrWhiteSpace(w))!;
}

internal static class ChoiceRendering
{
    public static Task SendAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, ListStyle defaultStyle, CancellationToken cancellationToken)
    {
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (source is null)
        {
            return Task.CompletedTask;
        }

        var activity = source.Clone();
        var choices = options.Choices ?? [];
        if (choices.Count > 0)
        {
            Render(activity, choices, options.Style ?? defaultStyle, options.ListHint);
        }

        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    private static void Render(Activity activity, IList<Choice> choices, ListStyle style, string? hint)
    {
        var buttons = choices.Select(c => CardAction.ImBack(c.Title ?? c.Value, c.Value)).ToList();
        switch (style)
        {
            case ListStyle.SuggestedAction:
                activity.SuggestedActions = new SuggestedActions(buttons);
                break;
            case ListStyle.List:
                var text = new StringBuilder(activity.Text ?? "");
                for (var i = 0; i < choices.Count; i++)
                {
                    text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i].Title ?? choices[i].Value);
                }

                if (!string.IsNullOrWhiteSpace(hint))
                {
                    text.Append('\n').Append(hint);
                }

                activity.Text = text.ToString();
                break;
            case ListStyle.HeroCard:
                activity.Attachments = [new HeroCard { Buttons = buttons }.ToAttachment()];
                break;
        }
    }
}
