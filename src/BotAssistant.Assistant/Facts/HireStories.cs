using System.Text;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Facts;

/// <summary>
/// An employer's story that tells its hires apart ("第一个是小王…合同签的三年…第三个是小马…只签了半年", "其中有一个是
/// 退役士兵…另外三个是去年毕业的大学生"): each person's facts are read from the text about them alone, what is said of all
/// of them from the rest, and the people go to the engine as one people fact, each judged with their own facts.
/// </summary>
public sealed class HireStories(Catalog catalog, FactExtractor extractor, Func<string, Understanding> understand)
{
    /// <summary>The fact that holds the people; its 'of' lists the facts a person may have of their own.</summary>
    public const string PeopleFact = "hires";

    /// <summary>A sentence ends here; within one, a mention of another person starts that person's text.</summary>
    private static bool EndsSentence(char c) => c is '。' or '！' or '？' or '；' or '\n' or '!' or '?' or ';';

    /// <summary>What may stand between names said together (女娃娃和大姐, 小杨、小李): one text is about them all.</summary>
    private static bool Joins(string between) => between.Trim() is "" or "和" or "、" or "跟" or "与" or "及" or "还有" or "以及" or ",";

    /// <summary>Words that tell of hires on top of those already told (又招了, 还招了, 另外招了): more people, not a correction.</summary>
    private static readonly string[] MoreHires = ["又招", "还招了", "另外招", "另外又招", "再招了", "又新招", "又雇", "又录用", "又聘"];

    /// <summary>
    /// "去年招了一个退役士兵 签了三年合同" then "对了 今年又招了两个应届大学生 也签了一年合同": the hires told before and
    /// the ones told now are all counted, each group with its own facts, as people told apart.
    /// </summary>
    public ExtractedFacts AddToEarlier(ExtractedFacts extracted, Understanding u, IReadOnlyDictionary<string, string> before)
    {
        if (!catalog.Facts.TryGetValue(PeopleFact, out var def) || !MoreHires.Any(w => u.Normalized.Contains(w, StringComparison.Ordinal))
            || extracted.Values.GetValueOrDefault("hired_group") is not EnumValue now
            || before.GetValueOrDefault("hired_group") is not { } earlier || earlier.Contains('*', StringComparison.Ordinal))
        {
            return extracted;
        }

        var earlierPeople = before.GetValueOrDefault(PeopleFact) is { } raw && PeopleValue.Parse(raw) is { } known ? known.People.ToList()
            : [Person("前面说的", before.GetValueOrDefault("hired_count"), def.PersonFacts.Where(before.ContainsKey).ToDictionary(f => f, f => before[f]))];
        var added = Person("这次说的", extracted.Values.GetValueOrDefault("hired_count")?.ToString(),
            def.PersonFacts.Where(extracted.Values.ContainsKey).ToDictionary(f => f, f => extracted.Values[f].ToString()!));
        var people = earlierPeople.Append(added).ToList();
        var values = new Dictionary<string, FactValue>(extracted.Values, StringComparer.Ordinal)
        {
            [PeopleFact] = new PeopleValue(people),
            ["hired_count"] = FactValue.Of(people.Sum(p => p.Count)),
            ["hired_group"] = FactValue.OfParts(people.GroupBy(p => p.Facts.GetValueOrDefault("hired_group") ?? "other").Select(g => (g.Key, g.Sum(p => p.Count)))),
        };

        // What each group has of its own now lives with its people; the last said is no longer said of all.
        foreach (var f in def.PersonFacts.Where(f => f != "hired_group" && people.Any(p => p.Facts.ContainsKey(f))))
        {
            values.Remove(f);
        }

        return extracted with { Values = values };
    }

    private static Person Person(string name, string? count, Dictionary<string, string> facts) =>
        new(name, decimal.TryParse(count, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1, facts);

    /// <param name="role">Who the conversation already knows is speaking; the message's own role goes first.</param>
    public ExtractedFacts Refine(ExtractedFacts extracted, Understanding u, string? role, DateOnly asOf)
    {
        var speaker = extracted.Values.GetValueOrDefault("role") is EnumValue said ? said.Key : role;
        if (!catalog.Facts.TryGetValue(PeopleFact, out var def) || def.PersonFacts.Count == 0 || speaker != "employer")
        {
            return extracted;
        }

        var mentions = u.All(EntityKind.Person).ToList();
        var people = mentions.Where(m => m.Subject == "introduced").Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var counts = people.ToDictionary(p => p, p => mentions.First(m => m.Value == p && m.Subject == "introduced").Persons, StringComparer.Ordinal);
        if (counts.Values.Sum() < 2 || people.Count < 2)
        {
            return extracted;
        }

        var (own, shared) = Attribute(u.Normalized, Apart(mentions.Where(m => counts.ContainsKey(m.Value))));
        var personFacts = def.PersonFacts.ToHashSet(StringComparer.Ordinal);
        var home = extracted.Values.GetValueOrDefault("place") is EnumValue place ? place.Key : u.Place;
        var read = people.Select(p => (Name: p, Facts: Read(own.GetValueOrDefault(p) ?? [], personFacts, asOf, home))).ToList();
        var common = Read(shared.Length > 0 ? [shared] : [], personFacts, asOf, home);
        var differ = personFacts.Where(f => read.Select(r => r.Facts.GetValueOrDefault(f)).Distinct().Count() > 1).ToList();
        if (differ.Count == 0)
        {
            return extracted;
        }

        var values = new Dictionary<string, FactValue>(extracted.Values, StringComparer.Ordinal);
        foreach (var f in personFacts)
        {
            values.Remove(f);
        }

        foreach (var (name, value) in common)
        {
            values[name] = value;
        }

        var persons = read.Select(r => new Person(PeopleValue.CleanName(r.Name), counts[r.Name],
            r.Facts.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()!, StringComparer.Ordinal))).ToList();
        var total = persons.Sum(p => p.Count);
        // The people told apart are the hires counted: a figure said elsewhere in a long story is less sure than they are.
        values["hired_count"] = FactValue.Of(total);

        values[PeopleFact] = new PeopleValue(persons);
        if (read.All(r => r.Facts.GetValueOrDefault("hired_group") is EnumValue))
        {
            var groups = read.GroupBy(r => ((EnumValue)r.Facts["hired_group"]).Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(r => counts[r.Name]))).ToList();
            values["hired_group"] = groups is [var one] ? FactValue.OfKey(one.Key) : FactValue.OfParts(groups);
        }

        return extracted with { Values = values };
    }

    /// <summary>Each person's facts, later texts over earlier ones (a correction said last is what holds).</summary>
    private Dictionary<string, FactValue> Read(IReadOnlyList<string> texts, HashSet<string> personFacts, DateOnly asOf, string? home)
    {
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var u = understand(text);
            var said = extractor.Extract(u, "employer", null, [], asOf, home);
            foreach (var (name, value) in said.Values.Where(kv => personFacts.Contains(kv.Key)))
            {
                facts[name] = value;
            }

            // Told as a person is told of ("20岁…在人社部门登记了失业"): their own facts make their kind, as facts.yaml
            // says; a kind read as broad (登记失业人员) is narrowed when their age or months say which.
            if (catalog.Facts.GetValueOrDefault("hired_group") is { } group
                && group.FromSelfValue(f => Own(u, said, f)) is { } kind
                && (said.Values.GetValueOrDefault("hired_group") is not EnumValue read
                    || group.Includes.GetValueOrDefault(read.Key)?.Contains(kind) == true))
            {
                facts["hired_group"] = FactValue.OfKey(kind);
            }
        }

        return facts;
    }

    /// <summary>
    /// A fact of the person a text describes, as from_self reads it: what the text's facts say, else what its words
    /// carry (an age, months out of work, 登记 with 失业, a 高校 graduate). A 中专 leaver is no 高校毕业生.
    /// </summary>
    private static string? Own(Understanding u, ExtractedFacts said, string fact)
    {
        var vocational = said.Values.GetValueOrDefault("vocational_graduate") is BoolValue { Value: true };
        if (fact == "graduate_status" && vocational)
        {
            return null;
        }

        if (said.Values.GetValueOrDefault(fact) is { } value)
        {
            return value.ToString();
        }

        string? Number(decimal? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fact switch
        {
            "age" => Number(u.First(EntityKind.Age)?.Number),
            "unemployed_months" => Number(u.All(EntityKind.Duration).FirstOrDefault(d => d.Subject == "unemployed")?.Number),
            "employment_status" when u.All(EntityKind.Group).Any(g => g.Value == "unemployed") && u.Normalized.Contains("登记", StringComparison.Ordinal)
                => "unemployed_registered",
            "graduate_status" when u.All(EntityKind.Group).Any(g => g.Value == "graduate") => "within_2_years",
            "is_veteran" when u.All(EntityKind.Group).Any(g => g.Value == "veteran") => "true",
            _ => null,
        };
    }

    /// <summary>
    /// Which text is about whom: from a mention to the next mention of someone else or the end of its sentence; a
    /// sentence that starts with 他/她 goes on about the person before it; the rest is said of them all.
    /// </summary>
    private static (Dictionary<string, List<string>> Own, string Shared) Attribute(string text, List<Entity> mentions)
    {
        var own = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var shared = new StringBuilder();
        string[]? last = null;
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !EndsSentence(text[end]))
            {
                end++;
            }

            var inside = mentions.Where(m => m.Start >= start && m.Start < end).OrderBy(m => m.Start).ToList();
            var lead = inside.Count > 0 ? inside[0].Start : end;
            var opening = text[start..lead].TrimStart();
            if (last is not null && (opening.StartsWith('他') || opening.StartsWith('她')) && !opening.StartsWith("他们", StringComparison.Ordinal) && !opening.StartsWith("她们", StringComparison.Ordinal))
            {
                Add(own, last, text[start..lead]);
            }
            else
            {
                shared.Append(text, start, lead - start).Append('。');
                last = null;
            }

            for (var i = 0; i < inside.Count;)
            {
                var names = new List<string> { inside[i].Value };
                var j = i + 1;
                while (j < inside.Count && Joins(text[inside[j - 1].End..inside[j].Start]))
                {
                    names.Add(inside[j].Value);
                    j++;
                }

                var from = inside[i].Start;
                var k = j;
                while (k < inside.Count && names.Contains(inside[k].Value))
                {
                    k++;
                }

                var to = k < inside.Count ? inside[k].Start : end;
                last = [.. names.Distinct(StringComparer.Ordinal)];
                // "…老张 四十岁 … 三个人的社保都是…交的": a piece about all of them ends what is said of one.
                if (CollectiveAt(text, inside[j - 1].End, to) is var cut and >= 0)
                {
                    Add(own, last, text[from..cut]);
                    var next = inside.FindIndex(j, m => m.Start >= cut);
                    var until = next >= 0 ? inside[next].Start : end;
                    shared.Append(text, cut, until - cut).Append('。');
                    last = null;
                    i = next >= 0 ? next : inside.Count;
                    continue;
                }

                Add(own, last, text[from..to]);
                i = k;
            }

            start = end + 1;
        }

        return (own, shared.ToString());
    }

    /// <summary>
    /// Where a piece (after a space or comma) begins by speaking of all the people (三个人的社保, 他们都, 大家, 这几个),
    /// between <paramref name="from"/> and <paramref name="to"/>; -1 when none does.
    /// </summary>
    private static int CollectiveAt(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (i > 0 && text[i - 1] is ' ' or '，' or ',' && Collective(text.AsSpan(i, to - i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Collective(ReadOnlySpan<char> piece)
    {
        // 都签了一年合同, 全都交了社保: 都 opening a piece speaks of them all.
        foreach (var word in (string[])["他们", "她们", "大家", "这几个", "几个人", "这些人", "都", "全都", "全部"])
        {
            if (piece.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // 三个人的…, 三个都…, 这三个人…: a count of them all opening the piece.
        var at = piece.StartsWith("这") ? 1 : 0;
        var digits = 0;
        while (at + digits < piece.Length && "一两二三四五六七八九十0123456789".Contains(piece[at + digits]))
        {
            digits++;
        }

        var rest = piece[(at + digits)..];
        return digits > 0 && (rest.StartsWith("个人") || rest.StartsWith("个都") || rest.StartsWith("人都") || rest.StartsWith("位都"));
    }

    /// <summary>Mentions in text order, none inside another ("三、第四个人小马" names 小马 once).</summary>
    private static List<Entity> Apart(IEnumerable<Entity> mentions)
    {
        var apart = new List<Entity>();
        foreach (var m in mentions.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (apart.Count == 0 || m.Start >= apart[^1].End)
            {
                apart.Add(m);
            }
        }

        return apart;
    }

    private static void Add(Dictionary<string, List<string>> own, string[] names, string piece)
    {
        foreach (var name in names)
        {
            (own.TryGetValue(name, out var list) ? list : own[name] = []).Add(piece);
        }
    }
}
