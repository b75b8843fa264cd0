using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotAssistant.Bot.Schema;

/// <summary>
/// Compile-time serializers for the wire types every turn reads and writes. Reflection-built ones cost a JIT'd
/// converter per type and emitted accessors per property; these are plain code. Types not listed here (a bot's own
/// state, card payloads) still go through reflection, behind these in <see cref="BotJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(HeroCard))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
