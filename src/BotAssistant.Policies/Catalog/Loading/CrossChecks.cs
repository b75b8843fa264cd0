namespace BotAssistant.Policies.Loading;

/// <summary>Checks that need every policy file: unique ids and exclusions that point both ways.</summary>
internal static class CrossChecks
{
    public static void Run(List<PolicyDocument> documents, List<LocatedMeasure> measures, List<CatalogError> errors)
    {
        foreach (var group in documents.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            var files = string.Join(", ", group.Select(d => Path.GetFileName(d.File)));
            errors.Add(new CatalogError(group.Last().File, 0, $"duplicate document id '{group.Key}' (in {files})"));
        }

        var byId = new Dictionary<string, LocatedMeasure>(StringComparer.Ordinal);
        foreach (var m in measures.Where(m => m.Measure.Id.Length > 0))
        {
            if (!byId.TryAdd(m.Measure.Id, m))
            {
                var first = byId[m.Measure.Id];
                errors.Add(new CatalogError(m.File, m.Line,
                    $"duplicate measure id '{m.Measure.Id}' (first at {Path.GetFileName(first.File)}:{first.Line})"));
            }
        }

        foreach (var m in measures)
        {
            CheckExclusions(m, byId, errors);
        }
    }

    private static void CheckExclusions(LocatedMeasure m, Dictionary<string, LocatedMeasure> byId, List<CatalogError> errors)
    {
        foreach (var other in m.Measure.Limits.ExclusiveWith)
        {
            if (other == m.Measure.Id)
            {
                errors.Add(new CatalogError(m.File, m.LimitsLine, $"measure {m.Measure.Id}: exclusive_with names itself"));
            }
            else if (!byId.TryGetValue(other, out var target))
            {
                errors.Add(new CatalogError(m.File, m.LimitsLine,
                    $"measure {m.Measure.Id}: exclusive_with '{other}' is not a measure id"));
            }
            else if (!target.Measure.Limits.ExclusiveWith.Contains(m.Measure.Id))
            {
                errors.Add(new CatalogError(target.File, target.LimitsLine,
                    $"measure {other}: add '{m.Measure.Id}' to exclusive_with (exclusions are declared on both sides)"));
            }
        }
    }
}
