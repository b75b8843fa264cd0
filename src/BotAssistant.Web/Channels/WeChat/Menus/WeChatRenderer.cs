using System.Text;
using System.Text.Json;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Web.Channels.WeChat.Menus;

/// <summary>A passive reply's text and the menu its numbers refer to.</summary>
public sealed record RenderedReply(string Text, WeChatMenu Menu);

/// <summary>
/// Turns a turn's replies into one WeChat text message: cards become lines, buttons and suggested actions a numbered
/// menu ("回复数字选择"), and an answer longer than the limit is cut at a sentence with "回复1查看详情".
/// </summary>
public sealed class WeChatRenderer(int maxBytes, string moreLabel)
{
    private const string Ellipsis = "……";
    private readonly int _maxBytes = Math.Max(300, maxBytes);

    public RenderedReply? Render(IReadOnlyList<Activity> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var parts = new List<string>();
        var choices = new List<MenuChoice>();
        foreach (var reply in replies.Where(r => r.IsMessage))
        {
            AddText(parts, reply.Text);
            foreach (var attachment in reply.Attachments ?? [])
            {
                CardText.Append(attachment, parts, choices);
            }
        }

        // Only the latest suggestions count: earlier ones were superseded within the same turn.
        if (replies.LastOrDefault(r => r.SuggestedActions?.Actions.Count > 0) is { } suggesting)
        {
            CardText.AddActions(suggesting.SuggestedActions!.Actions, parts, choices);
        }

        return parts.Count == 0 && choices.Count == 0 ? null : Page(string.Join("\n\n", parts), choices);
    }

    /// <summary>The next part of a long answer, with the same choices as the first part.</summary>
    public RenderedReply Page(string body, IReadOnlyList<MenuChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(choices);
        var whole = body + MenuText(choices, more: false);
        if (Bytes(whole) <= _maxBytes)
        {
            return new RenderedReply(whole.Trim(), new WeChatMenu(choices));
        }

        var footer = MenuText(choices, more: true);
        var head = Cut(body, Math.Max(120, _maxBytes - Bytes(footer) - Bytes(Ellipsis)));
        var rest = body[head.Length..].TrimStart();
        return new RenderedReply(head.TrimEnd() + Ellipsis + footer, new WeChatMenu(choices, rest));
    }

    private string MenuText(IReadOnlyList<MenuChoice> choices, bool more)
    {
        if (choices.Count == 0)
        {
            return more ? $"\n\n回复1{moreLabel}" : "";
        }

        var text = new StringBuilder("\n\n回复数字选择：");
        var number = 1;
        if (more)
        {
            text.Append('\n').Append(number++).Append(". ").Append(moreLabel);
        }

        foreach (var choice in choices)
        {
            text.Append('\n').Append(number++).Append(". ").Append(choice.Title);
        }

        return text.ToString();
    }

    /// <summary>The longest prefix within the budget, ending at a paragraph or sentence when one is near the end.</summary>
    private static string Cut(string text, int budget)
    {
        var length = 0;
        var bytes = 0;
        while (length < text.Length)
        {
            var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, step));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += step;
        }

        var prefix = text[..length];
        var boundary = prefix.LastIndexOfAny(['\n', '。', '！', '？', '；']);
        return boundary >= length / 2 ? prefix[..(boundary + 1)] : prefix;
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static void AddText(List<string> parts, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            parts.Add(text.Trim());
        }
    }

    /// <summary>Cards as plain text: what WeChat text messages can show.</summary>
    private static class CardText
    {
        public static void Append(Attachment attachment, List<string> parts, List<MenuChoice> choices)
        {
            switch (attachment.ContentType)
            {
                case HeroCard.ContentType:
                case "application/vnd.microsoft.card.thumbnail":
                    var card = attachment.ContentAs<HeroCard>();
                    var lines = new[] { card?.Title, card?.Subtitle, card?.Text }.Where(l => !string.IsNullOrWhiteSpace(l));
                    AddText(parts, string.Join("\n", lines));
                    AddActions(card?.Buttons ?? [], parts, choices);
                    break;
                case AdaptiveCards.ContentType:
                    var element = attachment.ContentAs<JsonElement>();
                    var texts = new List<string>();
                    Walk(element, texts, choices);
                    AddText(parts, string.Join("\n", texts));
                    break;
                default:
                    AddText(parts, attachment.Name ?? attachment.ContentUrl);
                    break;
            }
        }

        public static void AddActions(IEnumerable<CardAction> actions, List<string> parts, List<MenuChoice> choices)
        {
            foreach (var action in actions)
            {
                var title = action.Title ?? action.ValueText() ?? "";
                if (action.Type is ActionTypes.OpenUrl or ActionTypes.Call)
                {
                    // A link cannot be "sent back"; show it where the user can tap it.
                    AddText(parts, $"{title}：{action.ValueText()}");
                }
                else if (title.Length > 0)
                {
                    choices.Add(new MenuChoice(title, action.Text ?? action.ValueText() ?? title));
                }
            }
        }

        private static void Walk(JsonElement element, List<string> texts, List<MenuChoice> choices)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, texts, choices);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "TextBlock" && element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString()!);
            }
            else if (type == "Action.Submit" && element.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                var data = element.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                choices.Add(new MenuChoice(title.GetString()!, data ?? title.GetString()!));
            }
            else if (type == "Action.OpenUrl" && element.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                texts.Add($"{(element.TryGetProperty("title", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : "")}：{url.GetString()}");
            }

            foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object))
            {
                Walk(property.Value, texts, choices);
            }
        }
    }
}
