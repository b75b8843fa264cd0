using System.Text.Json;

namespace BotAssistant.Web.CatalogApi;

/// <summary>
/// The body of POST /api/catalog/evaluate: {"measure"|"place"+"audience", "asOf", "facts": {name: value}}.
/// Read by hand so that malformed JSON gets a clear 400 naming the problem, not the framework's bare one.
/// </summary>
public sealed record EvaluateRequest(
    string? Measure, string? Place, string? Audience, string? AsOf, IReadOnlyList<KeyValuePair<string, string?>> Facts)
{
    public const int MaxBytes = 64 * 1024;

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "measure", "place", "audience", "asOf", "facts" };

    public static async Task<(EvaluateRequest? Request, string? Error)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.ContentLength > MaxBytes)
        {
            return (null, $"the body is larger than {MaxBytes} bytes");
        }

        JsonDocument doc;
        try
        {
            using var limited = new MemoryStream();
            await http.Body.CopyToAsync(limited, cancellationToken);
            if (limited.Length > MaxBytes)
            {
                return (null, $"the body is larger than {MaxBytes} bytes");
            }

            limited.Position = 0;
            doc = await JsonDocument.ParseAsync(limited, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    /// <summary>A fact value as the raw text facts.yaml types parse; null (unknown) for JSON null.</summary>
    private static bool TryScalar(JsonElement e, out string? value)
    {
        value = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Undefined);
    }

    private static (EvaluateRequest? Request, string? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object");
        }

        if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
        {
            return (null, $"unknown property '{unknown}' (allowed: {string.Join(", ", Known)})");
        }

        var facts = new List<KeyValuePair<string, string?>>();
        if (root.TryGetProperty("facts", out var f) && f.ValueKind != JsonValueKind.Null)
        {
            if (f.ValueKind != JsonValueKind.Object)
            {
                return (null, "'facts' must be an object of fact name → value");
            }

            foreach (var p in f.EnumerateObject())
            {
                if (!TryScalar(p.Value, out var value))
                {
                    return (null, $"fact '{p.Name}' must be a string, number, boolean or null");
                }

                facts.Add(new(p.Name, value));
            }
        }

        string? Text(string name, out string? error)
        {
            error = null;
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                error = $"'{name}' must be a string";
                return null;
            }

            return v.GetString();
        }

        var measure = Text("measure", out var e1);
        var place = Text("place", out var e2);
        var audience = Text("audience", out var e3);
        var asOf = Text("asOf", out var e4);
        var error = e1 ?? e2 ?? e3 ?? e4;
        return error is null ? (new EvaluateRequest(measure, place, audience, asOf, facts), null) : (null, error);
    }
}
