using System.Collections.Concurrent;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Knowledge;

/// <summary>
/// Each measure judged on no facts at all, per as-of date: what lists, tables and "the rule" lines show. It depends
/// only on the catalog and the date, so it is worked out once per snapshot instead of on every compare or list turn.
/// </summary>
public sealed class RuleCache(Catalog catalog)
{
    private readonly ConcurrentDictionary<(string Id, DateOnly AsOf), MeasureResult> _results = new();
    private readonly FactSet _none = catalog.NewFacts();

    public MeasureResult Rule(Measure measure, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(measure);

        // Bounded by the catalog's size times the few dates a deployment is asked about; a flood of dates resets it.
        if (_results.Count > catalog.Measures.Count * 8)
        {
            _results.Clear();
        }

        return _results.GetOrAdd((measure.Id, asOf), key => PolicyEngine.Evaluate(measure, _none, key.AsOf, explain: false));
    }
}
