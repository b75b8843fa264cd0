using System.Text.Json.Serialization;

namespace BotAssistant.Web.Channels.WeChat.Menus;

/// <summary>One numbered choice: what the user sees, and what the bot receives when the user sends its number.</summary>
public sealed record MenuChoice(string Title, string Value);

/// <summary>
/// The numbered menu under the last reply. With <see cref="More"/> (the rest of a long answer) "1" shows the next
/// part and the choices start at 2.
/// </summary>
public sealed record WeChatMenu(IReadOnlyList<MenuChoice> Choices, string? More = null)
{
    [JsonIgnore]
    public bool IsEmpty => Choices.Count == 0 && More is null;

    private int Offset => More is null ? 0 : 1;

    /// <summary>The choice the number stands for; null when the number is not on this menu (the bot gets it as text).</summary>
    public MenuSelection? Select(int number)
    {
        if (More is not null && number == 1)
        {
            return new MenuSelection(null, More);
        }

        var index = number - 1 - Offset;
        return index >= 0 && index < Choices.Count ? new MenuSelection(Choices[index], null) : null;
    }

    /// <summary>Reads "1", "１", " 2 " or "2." as a number; anything else is not a menu answer.</summary>
    public static int? ReadNumber(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('.', '。', '、') ?? "";
        if (trimmed.Length is 0 or > 2)
        {
            return null;
        }

        var value = 0;
        foreach (var c in trimmed)
        {
            var digit = c is >= '０' and <= '９' ? c - '０' : c - '0';
            if (digit is < 0 or > 9)
            {
                return null;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}

/// <summary>Either a choice to hand to the bot, or the next part of a long answer.</summary>
public sealed record MenuSelection(MenuChoice? Choice, string? More);
