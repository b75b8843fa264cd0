using System.Globalization;

namespace BotAssistant.Policies;

public enum FactType { Bool, Number, Enum, Date, People }

/// <summary>A typed answer. Enum values hold the key from facts.yaml, not its label.</summary>
public abstract record FactValue
{
    public abstract FactType Type { get; }

    public static FactValue Of(bool value) => new BoolValue(value);
    public static FactValue Of(decimal value) => new NumberValue(value);
    public static FactValue Of(DateOnly value) => new DateValue(value);
    public static FactValue OfKey(string key) => new EnumValue(key);
    public static FactValue OfParts(IEnumerable<(string Key, decimal Count)> parts) => new SplitValue([.. parts]);
    public static FactValue OfAtLeast(decimal least) => new NumberValue(least) { AtLeast = true };

    /// <summary>Reads a raw scalar as the given type; null when it does not fit.</summary>
    public static FactValue? Parse(FactType type, string raw)
    {
        raw = raw.Trim();
        switch (type)
        {
            case FactType.Bool:
                return raw.ToLowerInvariant() switch
                {
                    "true" or "yes" or "是" => Of(true),
                    "false" or "no" or "否" => Of(false),
                    _ => null,
                };
            case FactType.Number when raw.StartsWith(">=", StringComparison.Ordinal):
                return decimal.TryParse(raw.AsSpan(2), NumberStyles.Number, CultureInfo.InvariantCulture, out var least) ? OfAtLeast(least) : null;
            case FactType.Number:
                return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? Of(n) : null;
            case FactType.Date:
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? Of(d) : null;
            case FactType.Enum when raw.Contains('*', StringComparison.Ordinal):
                return SplitValue.Parse(raw);
            case FactType.People:
                return PeopleValue.Parse(raw);
            default:
                return raw.Length == 0 ? null : OfKey(raw);
        }
    }

    /// <summary>Orders numbers and dates; null for types that have no order or differ.</summary>
    public int? CompareTo(FactValue other) => (this, other) switch
    {
        (NumberValue a, NumberValue b) => a.Value.CompareTo(b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        _ => null,
    };
}

public sealed record BoolValue(bool Value) : FactValue
{
    public override FactType Type => FactType.Bool;
    public override string ToString() => Value ? "true" : "false";
}

public sealed record NumberValue(decimal Value) : FactValue
{
    /// <summary>Value is only the least it can be (written "&gt;=1"): see <see cref="FactSet.TryGetLowerBound"/>.</summary>
    public bool AtLeast { get; init; }

    public override FactType Type => FactType.Number;
    public override string ToString() => (AtLeast ? ">=" : "") + Value.ToString("0.##########", CultureInfo.InvariantCulture);
}

public sealed record EnumValue(string Key) : FactValue
{
    public override FactType Type => FactType.Enum;
    public override string ToString() => Key;
}

public sealed record DateValue(DateOnly Value) : FactValue
{
    public override FactType Type => FactType.Date;
    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Several values of one enum fact at once, each with how many it covers: "省外6个、省内县外4个、县内5个" (where people
/// were placed), "考了中级又考了高级" (two certificates, one each). Written "out_of_province*6+in_province*4".
/// A test of the fact holds when it holds for some part; a tiered amount is summed over the parts.
/// </summary>
public sealed record SplitValue(IReadOnlyList<(string Key, decimal Count)> Parts) : FactValue
{
    public override FactType Type => FactType.Enum;

    public decimal Total => Parts.Sum(p => p.Count);

    public override string ToString() =>
        string.Join("+", Parts.Select(p => p.Key + "*" + p.Count.ToString("0.##", CultureInfo.InvariantCulture)));

    public static SplitValue? Parse(string raw)
    {
        var parts = new List<(string, decimal)>();
        foreach (var part in raw.Split('+'))
        {
            var star = part.LastIndexOf('*');
            if (star <= 0 || !decimal.TryParse(part.AsSpan(star + 1), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) || n < 0)
            {
                return null;
            }

            parts.Add((part[..star], n));
        }

        return parts.Count == 0 ? null : new SplitValue(parts);
    }

    public bool Equals(SplitValue? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Count));
}

/// <summary>
/// One person (or several alike, "小杨、小李两个") told apart from the others in one message, with the facts that are
/// theirs alone: "第一个是小王…合同签的三年", "小马…只签了半年". Facts are raw values, read by the fact's own type
/// where a measure reads them.
/// </summary>
public sealed record Person(string Name, decimal Count, IReadOnlyDictionary<string, string> Facts)
{
    public bool Equals(Person? other) => other is not null && Name == other.Name && Count == other.Count
        && Facts.Count == other.Facts.Count && Facts.All(kv => other.Facts.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Count, Facts.Count);
}

/// <summary>
/// The people a message tells of one by one, each judged with their own facts: a hire whose contract is half a year
/// is left out of a count that needs one year, the others are counted. Written "小王*1:hired_group=graduate,contract_years=3;…".
/// </summary>
public sealed record PeopleValue(IReadOnlyList<Person> People) : FactValue
{
    private static readonly char[] Reserved = [';', ':', '*', ',', '='];

    public override FactType Type => FactType.People;

    public decimal Total => People.Sum(p => p.Count);

    /// <summary>A name that cannot break the written form: the separators are dropped.</summary>
    public static string CleanName(string name) => string.Concat(name.Where(c => Array.IndexOf(Reserved, c) < 0 && !char.IsWhiteSpace(c)));

    public override string ToString() => string.Join(";", People.Select(p =>
        $"{p.Name}*{p.Count.ToString("0.##", CultureInfo.InvariantCulture)}:{string.Join(",", p.Facts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))}"));

    public static PeopleValue? Parse(string raw)
    {
        var people = new List<Person>();
        foreach (var entry in raw.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var head = colon < 0 ? entry : entry[..colon];
            var star = head.LastIndexOf('*');
            if (colon < 0 || star <= 0 || !decimal.TryParse(head.AsSpan(star + 1), NumberStyles.Number, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                return null;
            }

            var facts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    return null;
                }

                facts[pair[..eq]] = pair[(eq + 1)..];
            }

            people.Add(new Person(head[..star], count, facts));
        }

        return people.Count == 0 ? null : new PeopleValue(people);
    }

    public bool Equals(PeopleValue? other) => other is not null && People.SequenceEqual(other.People);

    public override int GetHashCode() => People.Aggregate(0, (h, p) => HashCode.Combine(h, p));
}
