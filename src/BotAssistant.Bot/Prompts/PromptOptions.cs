using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Prompts;

public enum ListStyle
{
    /// <summary>No choices shown; the prompt text must name them.</summary>
    None,

    /// <summary>Buttons (suggested actions) that post the choice back.</summary>
    SuggestedAction,

    /// <summary>A numbered list in the text, for channels without buttons (WeChat, SMS).</summary>
    List,

    /// <summary>A hero card whose buttons are the choices.</summary>
    HeroCard,
}

/// <summary>A choice offered to the user; synonyms are other words that pick it.</summary>
public sealed class Choice
{
    public Choice() { }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms;
    }

    public string Value { get; set; } = "";

    /// <summary>The button or list text; <see cref="Value"/> when null.</summary>
    public string? Title { get; set; }

    public IList<string> Synonyms { get; set; } = [];
}

/// <summary>The choice the user picked.</summary>
public sealed record FoundChoice(string Value, int Index, string MatchedBy);

/// <summary>
/// What a prompt says. All wording comes from the caller: the Bot project has no sentences of its own.
/// Serializable, because it is kept with the prompt on the dialog stack between turns.
/// </summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Said after input that was not understood or not valid; the prompt is repeated when null.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    public ListStyle? Style { get; set; }

    /// <summary>A line after a numbered list, such as how to answer; none when null.</summary>
    public string? ListHint { get; set; }

    /// <summary>After this many unrecognized or invalid answers the prompt ends with a null result; unlimited when null.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Extra data for a validator (a range, a pattern), kept as JSON.</summary>
    public object? Validations { get; set; }

    public static PromptOptions Text(string prompt, string? retry = null) => new()
    {
        Prompt = MessageFactory.Text(prompt, inputHint: InputHints.ExpectingInput),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry, inputHint: InputHints.ExpectingInput),
    };
}

public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; init; }

    public T? Value { get; init; }

    public static PromptRecognizerResult<T> Failed { get; } = new();

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };
}

public sealed class PromptValidatorContext<T>(
    Turn.ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
{
    public Turn.ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    public PromptOptions Options { get; } = options;

    /// <summary>1 on the first answer, counting this one.</summary>
    public int AttemptCount { get; } = attemptCount;
}

/// <summary>Returns true to accept the recognized value; may send its own explanation before returning false.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
