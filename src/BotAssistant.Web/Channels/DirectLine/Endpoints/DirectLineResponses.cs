using System.Text.Json.Serialization;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Web.Channels.DirectLine.Endpoints;

/// <summary>The Direct Line 3.0 Conversation object (also the answer of tokens/generate and tokens/refresh).</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl);

/// <summary>The Direct Line 3.0 ActivitySet: what a poll returns and each WebSocket message carries.</summary>
internal sealed record ActivitySetResponse(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Watermark);

/// <summary>What the page's token endpoint answers: enough for Web Chat without ever seeing the secret.</summary>
internal sealed record PageTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The optional body of tokens/generate and POST conversations.</summary>
internal sealed class StartRequest
{
    [JsonPropertyName("user")]
    public ChannelAccount? User { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }
}
