using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotAssistant.Bot.Schema;

public sealed class ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? AadObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public ConversationAccount() { }

    public ConversationAccount(string id, string? name = null, bool? isGroup = null)
    {
        Id = id;
        Name = name;
        IsGroup = isGroup;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Where to send a proactive message later: enough of an activity to address its conversation.</summary>
public sealed record ConversationReference(
    string? ActivityId,
    ChannelAccount? User,
    ChannelAccount? Bot,
    ConversationAccount? Conversation,
    string? ChannelId,
    string? ServiceUrl,
    string? Locale);

/// <summary>The body returned for deliveryMode expectReplies.</summary>
public sealed class ExpectedReplies
{
    public IList<Activity> Activities { get; set; } = [];
}

public sealed record ResourceResponse(string? Id);

/// <summary>The status and body an invoke activity answers with (set by the bot as an invokeResponse activity).</summary>
public sealed record InvokeResponse(int Status, object? Body);
