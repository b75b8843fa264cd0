using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>
/// Reads one YAML mapping and remembers which keys were read, so <see cref="Finish"/>
/// can reject every key the schema does not know (typos like `untill`).
/// </summary>
internal sealed class MapReader(YamlMappingNode node, FileContext context)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMappingNode Node { get; } = node;
    public FileContext Context { get; } = context;
    public int Line => FileContext.LineOf(Node);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "null" or "~" or "Null" or "NULL" };

    public bool Has(string key) => Get(key) is not null;

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public YamlNode? Required(string key, string what)
    {
        var value = Get(key);
        if (value is null || IsNull(value))
        {
            Context.Error(value ?? Node, $"{what}: missing '{key}'");
            return null;
        }

        return value;
    }

    public string? String(string key, string what, bool required = false)
    {
        var value = required ? Required(key, what) : Get(key);
        if (value is null || IsNull(value))
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Context.Error(value, $"{what}: '{key}' must be a single value");
        return null;
    }

    public decimal? Number(string key, string what, bool required = false)
    {
        var text = String(key, what, required);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Context.Error(Get(key)!, $"{what}: '{key}' must be a number, got '{text}'");
        return null;
    }

    public int? Integer(string key, string what, bool required = false)
    {
        var n = Number(key, what, required);
        if (n is { } v && v != decimal.Truncate(v))
        {
            Context.Error(Get(key)!, $"{what}: '{key}' must be a whole number, got '{v}'");
            return null;
        }

        return n is null ? null : (int)n.Value;
    }

    public bool? Bool(string key, string what)
    {
        var text = String(key, what);
        return text switch
        {
            null => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => Fail<bool?>(key, $"{what}: '{key}' must be true or false, got '{text}'"),
        };
    }

    public DateOnly? Date(string key, string what, bool required = false)
    {
        var text = String(key, what, required);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : Fail<DateOnly?>(key, $"{what}: '{key}' must be a date YYYY-MM-DD, got '{text}'");
    }

    /// <summary>A list of plain values; a single scalar is accepted as a one-item list.</summary>
    public IReadOnlyList<string> Strings(string key, string what)
    {
        var value = Get(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is YamlScalarNode single)
        {
            return [single.Value ?? ""];
        }

        var result = new List<string>();
        foreach (var item in Context.Items(value, $"{what}: '{key}'"))
        {
            if (item is YamlScalarNode s)
            {
                result.Add(s.Value ?? "");
            }
            else
            {
                Context.Error(item, $"{what}: items of '{key}' must be plain values");
            }
        }

        return result;
    }

    public MapReader? Map(string key, string what) => Context.Map(Get(key), $"{what}: '{key}'");

    /// <summary>Reports every key that was never read as unknown.</summary>
    public void Finish(string what)
    {
        foreach (var (keyNode, _) in Node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (!_read.Contains(key))
            {
                Context.Error(keyNode, $"{what}: unknown key '{key}'");
            }
        }
    }

    private T Fail<T>(string key, string message)
    {
        Context.Error(Get(key)!, message);
        return default!;
    }
}
