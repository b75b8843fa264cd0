using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotAssistant.Bot.Schema;

/// <summary>A Bot Framework v3 activity; properties this class does not model round-trip through <see cref="Properties"/>.</summary>
public sealed class Activity
{
    /// <summary>Required on the wire: a body without "type" is not an activity.</summary>
    [JsonRequired]
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public object? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public object? Value { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    [JsonIgnore]
    public bool IsMessage => string.Equals(Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public bool ExpectsReplies =>
        string.Equals(DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A message addressed back to this activity's sender in the same conversation. No timestamp is set:
    /// the adapter stamps outgoing activities with its own clock.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup, TenantId = Conversation.TenantId,
        },
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Locale = Locale,
        Text = text ?? "",
        Attachments = [],
        Entities = [],
    };

    public ConversationReference GetConversationReference() =>
        new(Id, From, Recipient, Conversation, ChannelId, ServiceUrl, Locale);

    /// <summary>Fills the addressing of an outgoing activity from a conversation reference, keeping what is already set.</summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ChannelId ??= reference.ChannelId;
        ServiceUrl ??= reference.ServiceUrl;
        Conversation ??= reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From ??= reference.User;
            Recipient ??= reference.Bot;
            Id ??= reference.ActivityId;
        }
        else
        {
            From ??= reference.Bot;
            Recipient ??= reference.User;
            ReplyToId ??= reference.ActivityId;
        }

        return this;
    }

    /// <summary>The value as <typeparamref name="T"/>, whether built in code or read from the wire.</summary>
    public T? GetValue<T>() => BotJson.Convert<T>(Value);

    public T? GetChannelData<T>() => BotJson.Convert<T>(ChannelData);

    /// <summary>A deep copy through the wire format, so changing the copy never changes the original.</summary>
    public Activity Clone() =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(this, BotJson.Options), BotJson.Options)!;
}
