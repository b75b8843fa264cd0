using System.Collections.Immutable;

namespace BotAssistant.Policies;

/// <summary>
/// What is known about the user. Immutable: With/Without return a new set. A fact absent
/// here is unknown, never zero or false. Derived facts are computed on read unless given.
/// </summary>
public sealed class FactSet
{
    private readonly ImmutableSortedDictionary<string, FactValue> _values;
    private readonly ImmutableDictionary<string, DerivedFact> _derived;
    private readonly ImmutableDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> _includes;

    private FactSet(ImmutableSortedDictionary<string, FactValue> values, ImmutableDictionary<string, DerivedFact> derived,
        ImmutableDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> includes)
    {
        _values = values;
        _derived = derived;
        _includes = includes;
    }

    public static FactSet Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, FactValue>(StringComparer.Ordinal),
        ImmutableDictionary<string, DerivedFact>.Empty,
        ImmutableDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>.Empty);

    /// <summary>A set that derives and widens as the given definitions say (derived facts, values that include others).</summary>
    public static FactSet Create(IEnumerable<FactDefinition> definitions)
    {
        var list = definitions.ToList();
        return new(
            Empty._values,
            list.Where(f => f.Derived is not null).ToImmutableDictionary(f => f.Name, f => f.Derived!),
            list.Where(f => f.Includes.Count > 0).ToImmutableDictionary(f => f.Name, f => f.Includes));
    }

    /// <summary>Facts the user gave, without derived ones.</summary>
    public IReadOnlyDictionary<string, FactValue> Given => _values;

    public FactSet With(string name, FactValue value) => new(_values.SetItem(name, value), _derived, _includes);

    public FactSet With(string name, bool value) => With(name, FactValue.Of(value));
    public FactSet With(string name, decimal value) => With(name, FactValue.Of(value));
    public FactSet With(string name, string enumKey) => With(name, FactValue.OfKey(enumKey));

    public FactSet Without(string name) => new(_values.Remove(name), _derived, _includes);

    public bool IsKnown(string name) => TryGet(name, out _);

    public bool TryGet(string name, out FactValue value)
    {
        if (_values.TryGetValue(name, out value!))
        {
            if (IsBroad(name, value))
            {
                value = null!;
                return false;
            }

            return value is not NumberValue { AtLeast: true };
        }

        if (_derived.TryGetValue(name, out var d)
            && _values.GetValueOrDefault(d.Numerator) is NumberValue num
            && _values.GetValueOrDefault(d.Denominator) is NumberValue den
            && den.Value != 0)
        {
            value = FactValue.Of(Math.Round(num.Value / den.Value * d.Scale, 4));
            return true;
        }

        // None of a whole is none of it, whatever the whole: 一个都没留用 is a 0% retention without the trainee count.
        if (_derived.TryGetValue(name, out d) && _values.GetValueOrDefault(d.Numerator) is NumberValue { Value: 0 })
        {
            value = FactValue.Of(0m);
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>
    /// A rate this set computes from its two counts (裁员率 from 7 laid off of 30), not one the user said: the counts, so
    /// an answer can show how the rate came about and what count would cross a threshold.
    /// </summary>
    public bool TryGetDerivation(string name, out DerivedFact derivation, out decimal numerator, out decimal denominator)
    {
        (numerator, denominator) = (0, 0);
        derivation = null!;
        if (_values.ContainsKey(name) || !_derived.TryGetValue(name, out var d)
            || _values.GetValueOrDefault(d.Numerator) is not NumberValue { AtLeast: false } num
            || _values.GetValueOrDefault(d.Denominator) is not NumberValue { AtLeast: false } den || den.Value == 0)
        {
            return false;
        }

        (derivation, numerator, denominator) = (d, num.Value, den.Value);
        return true;
    }

    /// <summary>
    /// The least a number can be, when that is all the user said ("社保都交了": at least one month). Such a value
    /// settles conditions the bound already decides and leaves the rest unknown; it is never a figure to compute with.
    /// </summary>
    public bool TryGetLowerBound(string name, out decimal least)
    {
        if (_values.GetValueOrDefault(name) is NumberValue { AtLeast: true } v)
        {
            least = v.Value;
            return true;
        }

        least = 0;
        return false;
    }

    /// <summary>
    /// A value held that includes narrower ones (登记失业人员), with what it includes: the fact is not known exactly, and
    /// a test decides only where the value and all it includes agree.
    /// </summary>
    public bool TryGetBroad(string name, out string key, out IReadOnlyList<string> narrower)
    {
        if (_values.GetValueOrDefault(name) is EnumValue e && _includes.GetValueOrDefault(name)?.GetValueOrDefault(e.Key) is { Count: > 0 } n)
        {
            (key, narrower) = (e.Key, n);
            return true;
        }

        (key, narrower) = ("", []);
        return false;
    }

    private bool IsBroad(string name, FactValue value) => value is EnumValue e && _includes.GetValueOrDefault(name)?.ContainsKey(e.Key) == true;

    /// <summary>The facts to ask for when this one is unknown: its missing inputs if derived, else itself.</summary>
    public IEnumerable<string> AskableFor(string name)
    {
        if (IsKnown(name) || !_derived.TryGetValue(name, out var d) || !d.AskInputs)
        {
            return IsKnown(name) ? [] : [name];
        }

        return new[] { d.Numerator, d.Denominator }.Where(f => !_values.ContainsKey(f));
    }

    public override string ToString() => string.Join(", ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
