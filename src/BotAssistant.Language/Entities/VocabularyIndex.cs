using BotAssistant.Language.Lexicon;

namespace BotAssistant.Language.Entities;

/// <summary>The phrase lists of the caller's vocabulary and our lexicon, one matcher per family so a phrase of one family never hides another (小公司 is a size and still says 公司).</summary>
internal sealed class VocabularyIndex
{
    public required PhraseMatcher Places { get; init; }
    public required PhraseMatcher Groups { get; init; }
    public required PhraseMatcher Topics { get; init; }
    public required PhraseMatcher Materials { get; init; }
    public required PhraseMatcher Roles { get; init; }
    public required PhraseMatcher Levels { get; init; }
    public required PhraseMatcher Sizes { get; init; }
    public required PhraseMatcher Destinations { get; init; }
    public required PhraseMatcher YesNo { get; init; }

    /// <summary>Place name (normalized) → its province, from places.yaml provinces.</summary>
    public required IReadOnlyDictionary<string, string> Provinces { get; init; }

    public static VocabularyIndex Build(DomainVocabulary v, LexiconData lex, Func<string, string> norm)
    {
        return new VocabularyIndex
        {
            Places = new PhraseMatcher(PlacePhrases(v, lex, norm)),
            Groups = Keyed(lex.Synonyms.Groups, EntityKind.Group, norm),
            Topics = new PhraseMatcher(TermPhrases(v.Topics, EntityKind.Topic, norm)
                .Concat(Pairs(lex.Synonyms.Topics, EntityKind.Topic, norm))
                .Concat(TermPhrases(v.Measures, EntityKind.Measure, norm))),
            Materials = new PhraseMatcher(TermPhrases(v.Materials, EntityKind.Material, norm)
                .Concat(Pairs(lex.Synonyms.Materials, EntityKind.Material, norm))),
            Roles = Keyed(lex.Synonyms.Roles, EntityKind.Role, norm),
            Levels = Keyed(lex.Answers.CertificateLevels, EntityKind.CertificateLevel, norm),
            Sizes = Keyed(lex.Answers.EnterpriseSizes, EntityKind.EnterpriseSize, norm),
            Destinations = Keyed(lex.Answers.WorkDestinations, EntityKind.Destination, norm),
            YesNo = new PhraseMatcher(lex.Answers.Yes.Select(w => (norm(w), new PhraseValue(EntityKind.YesNo, "yes")))
                .Concat(lex.Answers.No.Select(w => (norm(w), new PhraseValue(EntityKind.YesNo, "no"))))),
            Provinces = lex.Places.Provinces.SelectMany(kv => kv.Value.Append(kv.Key).Select(name => (Name: norm(name), Province: kv.Key)))
                .DistinctBy(x => x.Name).ToDictionary(x => x.Name, x => x.Province, StringComparer.Ordinal),
        };
    }

    /// <summary>Every naming phrase, for the segmenter's dictionary (answer words and number guards are not names).</summary>
    public IEnumerable<string> AllPhrases() =>
        new[] { Places, Groups, Topics, Materials, Roles, Levels, Sizes, Destinations }.SelectMany(m => m.Phrases);

    private static PhraseMatcher Keyed(Dictionary<string, List<string>> map, EntityKind kind, Func<string, string> norm) =>
        new(Pairs(map, kind, norm));

    private static IEnumerable<(string, PhraseValue)> Pairs(Dictionary<string, List<string>> map, EntityKind kind, Func<string, string> norm) =>
        map.SelectMany(kv => kv.Value.Select(w => (norm(w), new PhraseValue(kind, kv.Key))));

    private static IEnumerable<(string, PhraseValue)> TermPhrases(IEnumerable<Term> terms, EntityKind kind, Func<string, string> norm) =>
        terms.SelectMany(t => NameForms(t.Name, norm).Concat(t.Synonyms.Select(norm)).Append(norm(t.Key))
            .Where(w => w.Length >= 2 && !w.All(char.IsAscii))
            .Select(w => (w, new PhraseValue(kind, t.Key))));

    /// <summary>
    /// "毕业证书（学历证明）" is also said as 毕业证书 and 学历证明; "甲或乙" as 甲 and 乙. Short
    /// bracketed fragments (（吸纳）, （评价）) are not names on their own.
    /// </summary>
    internal static IEnumerable<string> NameForms(string name, Func<string, string> norm)
    {
        var n = norm(name);
        yield return n;
        var outside = System.Text.RegularExpressions.Regex.Replace(n, @"\([^)]*\)", "");
        if (outside != n && outside.Length >= 2)
        {
            yield return outside;
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(n, @"\(([^)]{4,})\)"))
        {
            yield return m.Groups[1].Value;
        }

        foreach (var part in outside.Split('、', '或', '，'))
        {
            if (part.Length >= 3 && part != outside)
            {
                yield return part;
            }
        }
    }

    /// <summary>
    /// 积山, 巫三, 泾原: a covered name (and its 县/市/州 form) with one character typed by sound. One substitution only,
    /// never a name that is itself another known place (武山 is a county of 天水, not 巫山).
    /// </summary>
    private static IEnumerable<(string Variant, string Key)> SoundAlikes(DomainVocabulary v, LexiconData lex, Func<string, string> norm)
    {
        var known = v.Places.SelectMany(p => p.Aliases.Append(p.Key).Append(p.FullName))
            .Concat(lex.Places.ExtraAliases.SelectMany(kv => kv.Value.Append(kv.Key)))
            .Concat(lex.Places.Related.Keys).Concat(lex.Places.Uncovered)
            .Select(norm).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in v.Places)
        {
            foreach (var name in new[] { p.Key, p.FullName }.Select(norm).Distinct())
            {
                for (var i = 0; i < name.Length; i++)
                {
                    if (!lex.Places.SoundsLike.TryGetValue(name[i].ToString(), out var alikes))
                    {
                        continue;
                    }

                    foreach (var c in alikes.Where(c => c != name[i]))
                    {
                        var variant = string.Concat(name.AsSpan(0, i), c.ToString(), name.AsSpan(i + 1));
                        if (!known.Contains(variant) && seen.Add(variant))
                        {
                            yield return (variant, p.Key);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string, PhraseValue)> PlacePhrases(DomainVocabulary v, LexiconData lex, Func<string, string> norm)
    {
        foreach (var p in v.Places)
        {
            foreach (var w in p.Aliases.Append(p.Key).Append(p.FullName))
            {
                yield return (norm(w), new PhraseValue(EntityKind.Place, p.Key));
            }
        }

        foreach (var (key, aliases) in lex.Places.ExtraAliases)
        {
            foreach (var w in aliases.Append(key))
            {
                yield return (norm(w), new PhraseValue(EntityKind.Place, key));
            }
        }

        foreach (var (variant, key) in SoundAlikes(v, lex, norm))
        {
            yield return (variant, new PhraseValue(EntityKind.Place, key));
        }

        foreach (var (name, covered) in lex.Places.Related)
        {
            yield return (norm(name), new PhraseValue(EntityKind.UncoveredPlace, name, string.Join(',', covered)));
        }

        foreach (var name in lex.Places.Uncovered)
        {
            yield return (norm(name), new PhraseValue(EntityKind.UncoveredPlace, name));
        }
    }
}
