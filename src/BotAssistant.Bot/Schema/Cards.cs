using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotAssistant.Bot.Schema;

public sealed class Attachment
{
    public string ContentType { get; set; } = "";
    public string? ContentUrl { get; set; }
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The card body as <typeparamref name="T"/>, whether built in code or read from the wire.</summary>
    public T? ContentAs<T>() => BotJson.Convert<T>(Content);
}

public sealed class CardAction
{
    public string Type { get; set; } = ActionTypes.ImBack;
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public object? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A button that posts its value back as the user's message (what suggested actions use).</summary>
    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = ActionTypes.ImBack, Title = title, Value = value ?? title };

    public static CardAction PostBack(string title, object value) =>
        new() { Type = ActionTypes.PostBack, Title = title, Value = value };

    public static CardAction OpenUrl(string title, string url) =>
        new() { Type = ActionTypes.OpenUrl, Title = title, Value = url };

    /// <summary>The value as text, whatever JSON shape arrived.</summary>
    public string? ValueText() => Value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        _ => Value.ToString(),
    };
}

public sealed class SuggestedActions
{
    public SuggestedActions() { }

    public SuggestedActions(IEnumerable<CardAction> actions, IEnumerable<string>? to = null)
    {
        Actions = actions.ToList();
        To = to?.ToList();
    }

    public IList<string>? To { get; set; }
    public IList<CardAction> Actions { get; set; } = [];
}

public sealed class CardImage
{
    public string Url { get; set; } = "";
    public string? Alt { get; set; }
}

public sealed class HeroCard
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Text { get; set; }
    public IList<CardImage>? Images { get; set; }
    public IList<CardAction>? Buttons { get; set; }
    public CardAction? Tap { get; set; }

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = this };
}

public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Wraps an Adaptive Card body (any JSON-serializable object, e.g. a JsonObject) as an attachment.</summary>
    public static Attachment ToAttachment(object card) => new() { ContentType = ContentType, Content = card };
}

/// <summary>A typed entity on an activity (mention, place, geoCoordinates…); other properties round-trip.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
