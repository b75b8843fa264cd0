using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BotAssistant.Bot.Schema;

/// <summary>The one JSON convention of the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class BotJson
{
    /// <summary>Read-only options shared by every serializer call; frozen so no caller can change them.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese text stays readable in transcripts and stored state.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(BotJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>Reads a loosely typed wire value (a JsonElement after deserialization, or the original object).</summary>
    public static T? Convert<T>(object? value) => value switch
    {
        null => default,
        T typed => typed,
        JsonElement element => element.Deserialize<T>(Options),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Options).Deserialize<T>(Options),
    };
}
