using BotAssistant.Language.Entities;
using BotAssistant.Language.Lexicon;

namespace BotAssistant.Language.Intents;

/// <summary>
/// Scores intents from cue phrases (knowledge/lexicon/intents.yaml, each with a weight) plus what the
/// entities say: an answer to the expected question, uncovered places, facts given without a question.
/// The best score is the intent; others close to it are secondary (one message may answer and ask).
/// </summary>
internal sealed class IntentClassifier
{
    private const double SecondaryThreshold = 0.8;
    private readonly PhraseMatcher _cues;
    private readonly PhraseMatcher _questionMarkers;
    private readonly PhraseMatcher _askingMarkers;
    private readonly WhyNotWords _whyNot;

    /// <summary>How far after a reason word its negation may come: 为啥不行, 为什么我们不能, 怎么就没批下来.</summary>
    private const int WhyNotReach = 4;
    private const double WhyNotWeight = 2.4;

    // Ties go to the more specific intent.
    private static readonly Intent[] Precedence =
    [
        Intent.ProvideInformation, Intent.Restart, Intent.Cancel, Intent.Back, Intent.AskWhyNot, Intent.AskCombination, Intent.AskSource, Intent.AskDepartment, Intent.ComparePlaces,
        Intent.AskMaterials, Intent.AskPeriod, Intent.AskAmount, Intent.AskConditions, Intent.Screen, Intent.ListMeasures,
        Intent.OutOfScope, Intent.Help, Intent.Greet, Intent.Unknown,
    ];

    private static readonly EntityKind[] InformationKinds =
    [
        EntityKind.Place, EntityKind.Group, EntityKind.Role, EntityKind.Count, EntityKind.Duration, EntityKind.Age,
        EntityKind.Date, EntityKind.YesNo, EntityKind.CertificateLevel, EntityKind.EnterpriseSize, EntityKind.EmployeeCount, EntityKind.Destination,
        EntityKind.Choice, EntityKind.Number, EntityKind.Money, EntityKind.Percentage,
    ];

    public IntentClassifier(IntentsFile file, Func<string, string> norm)
    {
        var cues = new List<(string, PhraseValue)>();
        foreach (var (name, words) in file.Intents)
        {
            if (!Enum.TryParse<Intent>(name, out _))
            {
                throw new Segmentation.LexiconException($"intents.yaml: unknown intent \"{name}\"");
            }

            cues.AddRange(words.Select(kv => (norm(kv.Key), new PhraseValue(EntityKind.Number, name, kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        _cues = new PhraseMatcher(cues);
        _questionMarkers = new PhraseMatcher(file.QuestionMarkers.Select(w => (norm(w), new PhraseValue(EntityKind.Number, "q"))));
        _askingMarkers = new PhraseMatcher(file.AskingMarkers.Select(w => (norm(w), new PhraseValue(EntityKind.Number, "q"))));
        _whyNot = file.WhyNot;
        _supposing = file.Supposing.Select(norm).ToList();
        _setAside = new PhraseMatcher(file.SetAside.Select(w => (norm(w), new PhraseValue(EntityKind.Number, "aside"))));
    }

    private readonly PhraseMatcher _setAside;

    private readonly List<string> _supposing;

    /// <summary>要是, 如果, 假如…: the message supposes what it says rather than telling it.</summary>
    public bool Supposes(string text) => _supposing.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>不 or 没 of the thing asked about, not of the speaker's knowing (咋办不知道, 怎么算不清楚).</summary>
    private static bool Negates(string window, string negation)
    {
        var at = window.IndexOf(negation, StringComparison.Ordinal);
        var next = at + negation.Length;
        return at >= 0 && !(next < window.Length && window[next] is '知' or '清' or '懂' or '会');
    }

    /// <summary>为啥不行, 怎么没批下来, 差在哪, 缺哪些: asking why not, whatever the verb that follows.</summary>
    private bool AsksWhyNot(string text)
    {
        foreach (var reason in _whyNot.Reasons)
        {
            for (var at = text.IndexOf(reason, StringComparison.Ordinal); at >= 0; at = text.IndexOf(reason, at + 1, StringComparison.Ordinal))
            {
                var end = at + reason.Length;
                var window = text.Substring(end, Math.Min(WhyNotReach, text.Length - end));
                if (_whyNot.Negations.Any(n => Negates(window, n)))
                {
                    return true;
                }
            }
        }

        foreach (var lack in _whyNot.Lacks)
        {
            for (var at = text.IndexOf(lack, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lack, at + 1, StringComparison.Ordinal))
            {
                var from = at + lack.Length + (text.AsSpan(at + lack.Length).StartsWith("在", StringComparison.Ordinal) ? 1 : 0);
                var rest = text[from..];

                if (_whyNot.Questions.Any(q => rest.StartsWith(q, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public (Intent Intent, double Confidence, IReadOnlyList<Intent> Secondary, IReadOnlyList<(int Start, int End)>? AskingSentences,
        IReadOnlyList<(int Start, int End)> SetAside) Classify(
        string text, IReadOnlyList<Entity> entities, ExpectedAnswer? expected)
    {
        var story = Story(text, entities);
        var scores = CueScores(text, story?.Clauses);
        if (AsksWhyNot(text))
        {
            scores[Intent.AskWhyNot] = Math.Max(scores.GetValueOrDefault(Intent.AskWhyNot), WhyNotWeight);
        }

        var question = _questionMarkers.AllMatches(text).Count > 0;
        AddEntityEvidence(scores, entities, expected, question);
        if (scores.Count == 0 || scores.Values.Max() <= 0)
        {
            return (Intent.Unknown, text.Length == 0 ? 1.0 : 0.3, [], story?.Sentences, story?.SetAside ?? []);
        }

        var ranked = scores.Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => Array.IndexOf(Precedence, kv.Key))
            .ToList();
        var (top, topScore) = (ranked[0].Key, ranked[0].Value);
        var secondary = ranked.Skip(1).Where(kv => kv.Value >= SecondaryThreshold && kv.Key != Intent.Greet || kv.Key == Intent.Greet && top != Intent.Greet)
            .Select(kv => kv.Key).ToList();
        var margin = ranked.Count > 1 ? topScore - ranked[1].Value : topScore;
        var confidence = Math.Clamp(0.45 + 0.2 * topScore + 0.15 * margin, 0.3, 0.98);
        return (top, Math.Round(confidence, 2), secondary, story?.Sentences, story?.SetAside ?? []);
    }

    /// <summary>How many pieces back from a setting aside (这个以后再说) the ask it sets aside may be.</summary>
    private const int AsideReach = 3;

    /// <summary>A story of three sentences or more has few asks: only its sentences that ask something are scored.</summary>
    private const int StorySentences = 3;

    private Dictionary<Intent, double> CueScores(string text, List<(int Start, int End)>? asking)
    {
        var best = new Dictionary<(Intent, int), double>();
        foreach (var m in _cues.AllMatches(text).Where(m => asking is null || asking.Any(a => m.Start >= a.Start && m.End <= a.End)))
        {
            foreach (var v in m.Values)
            {
                var intent = Enum.Parse<Intent>(v.Value);
                var w = double.Parse(v.Subject, System.Globalization.CultureInfo.InvariantCulture);

                // One position contributes once per intent: 能拿多少 and 多少 don't both count.
                var key = (intent, m.End);
                best[key] = Math.Max(best.GetValueOrDefault(key), w);
            }
        }

        var scores = new Dictionary<Intent, double>();
        foreach (var ((intent, _), w) in best)
        {
            scores[intent] = scores.GetValueOrDefault(intent) + w;
        }

        return scores;
    }

    /// <summary>
    /// In a long story ("我想问问…。这三个人的情况不太一样…。…能拿多少？") the words that ask sit in its question
    /// sentences; 材料, 时间, 文件 said while telling the story do not ask for them. The clauses that ask score intents
    /// ("想问一下见习的补贴怎么算，领导让我写个材料报上去" asks about the amount); the whole sentences that ask name the
    /// measure asked about ("毕业生好像有个什么求职补贴…我这种情况能不能领", not the 实习 or 房租 told in passing).
    /// Null when the message is short or has no sentence that asks. Read once per message.
    /// </summary>
    private (List<(int Start, int End)> Sentences, List<(int Start, int End)> Clauses, List<(int Start, int End)> SetAside)? Story(string text, IReadOnlyList<Entity> entities)
    {
        var spans = Sentences(text);
        var spaced = spans.Count < StorySentences && text.Count(c => c == ' ') >= SpacedPieces;
        if (spaced)
        {
            spans = Pieces(text);
        }

        if (spans.Count < StorySentences)
        {
            return null;
        }

        var marks = _askingMarkers.AllMatches(text);
        var aside = _setAside.AllMatches(text);
        bool Marked((int Start, int End) span) => marks.Any(m => m.Start >= span.Start && m.End <= span.End);
        bool SetsAside((int Start, int End) span) => aside.Any(m => m.Start >= span.Start && m.End <= span.End);

        // A sentence that sets questions aside, and the run of asking sentences before it, ask nothing now. What the
        // story says between the ask and the setting aside (见习的政策 明年打算接几个见习生 看看 这个以后再说) is about
        // the same ask, so the run may start a few pieces back.
        var cancelled = new HashSet<int>();
        for (var i = 0; i < spans.Count; i++)
        {
            if (SetsAside(spans[i]))
            {
                cancelled.Add(i);
                var began = false;
                for (var k = i - 1; k >= 0 && i - k <= AsideReach && !SetsAside(spans[k]); k--)
                {
                    if (Marked(spans[k]))
                    {
                        cancelled.Add(k);
                        began = true;
                    }
                    else if (began)
                    {
                        break;
                    }
                }
            }
        }

        var asking = spans.Where((span, i) => Marked(span) && !cancelled.Contains(i)).ToHashSet();
        var sentences = spans.Where(asking.Contains).ToList();
        if (spaced)
        {
            bool LeadIn((int Start, int End) span) => marks.Where(m => m.Start >= span.Start && m.End <= span.End).MaxBy(m => m.End) is var last
                && last.End > 0 && text.AsSpan(last.End, span.End - last.End).Trim(LeadInTail).IsEmpty
                && !text.AsSpan(last.Start, last.End - last.Start).ContainsAny(QuestionMarks);
            // An ask reaches back no further than the last ask or the last setting aside (这个我下次再问).
            sentences = [.. sentences.Select(a => Reaching(spans, a, entities, p => asking.Contains(p) || SetsAside(p), LeadIn(a)))];
        }

        var clauses = sentences.SelectMany(sp => Clauses(text, sp)).Where(Marked).ToList();
        return sentences.Count > 0 && clauses.Count > 0 ? (sentences, clauses, cancelled.Order().Select(i => spans[i]).ToList()) : null;
    }

    /// <summary>What may follow an announcing ask and leave it saying nothing yet: 想问的就是, 请问一下, 想问问哈.</summary>
    private const string LeadInTail = "的就是一下问呢啊哈个事情下这样：:，, ";

    /// <summary>Markers that ask by themselves (多少, 吗, 能不能): a piece ending in one is no announcement.</summary>
    private static readonly System.Buffers.SearchValues<char> QuestionMarks = System.Buffers.SearchValues.Create("？?吗少么咋哪否不时啥");

    /// <summary>A message told in spaces, not stops (WeChat): this many pieces or more make its pieces the sentences.</summary>
    private const int SpacedPieces = 8;

    /// <summary>How many pieces back an ask in a spaced story may reach for the measure it asks about.</summary>
    private const int AskReach = 8;

    /// <summary>
    /// "政府有一个一次性求职创业补贴 给钱帮着找工作用 … 我就想问问 我闺女能不能领": in a story told in spaces the ask
    /// and what it asks about are pieces apart. The ask reaches back to the nearest piece that names a measure, not past
    /// an earlier ask and not further than a few pieces.
    /// </summary>
    private static (int Start, int End) Reaching(List<(int Start, int End)> pieces, (int Start, int End) ask, IReadOnlyList<Entity> entities,
        Func<(int Start, int End), bool> asks, bool leadIn)
    {
        bool Names((int Start, int End) p) => entities.Any(e => e.Kind is EntityKind.Topic or EntityKind.Measure && e.Start >= p.Start && e.End <= p.End);
        var at = pieces.IndexOf(ask);
        if (Names(ask))
        {
            return ask;
        }

        // "…补贴也没领过 所以想问的就是 平凉这个一次性扩岗补助 …": an ask that only announces one (想问的就是, 请问一下)
        // is about what comes next, when what comes next names a measure before the next ask.
        for (var k = at + 1; leadIn && k < pieces.Count && k <= at + AskReach; k++)
        {
            if (Names(pieces[k]))
            {
                return (ask.Start, pieces[k].End);
            }

            if (asks(pieces[k]))
            {
                break;
            }
        }

        for (var k = at - 1; k >= 0 && k >= at - AskReach && !asks(pieces[k]); k--)
        {
            if (Names(pieces[k]))
            {
                // "一个叫一次性吸纳就业补贴 一个叫一次性扩岗补助 …到底该拿哪个": measures named one after another are all asked about.
                while (k > 0 && Names(pieces[k - 1]) && !asks(pieces[k - 1]))
                {
                    k--;
                }

                return (pieces[k].Start, ask.End);
            }
        }

        return ask;
    }

    private static List<(int Start, int End)> Pieces(string text)
    {
        var pieces = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                if (i > start)
                {
                    pieces.Add((start, i));
                }

                start = i + 1;
            }
        }

        return pieces;
    }

    private static IEnumerable<(int Start, int End)> Clauses(string text, (int Start, int End) sentence)
    {
        var start = sentence.Start;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            if (text[i] is '，' or ',' || i == sentence.End - 1)
            {
                yield return (start, i + 1);
                start = i + 1;
            }
        }
    }

    private static List<(int Start, int End)> Sentences(string text)
    {
        var spans = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '。' or '！' or '？' or '!' or '?' or '\n' or '；' or ';' || StopAt(text, i))
            {
                if (i > start)
                {
                    spans.Add((start, Math.Min(text.Length, i + 1)));
                }

                start = i + 1;
            }
        }

        return spans;
    }

    /// <summary>A full stop made half-width by the normalizer, not the point of 1.5万.</summary>
    private static bool StopAt(string text, int i) =>
        text[i] == '.' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));

    private static void AddEntityEvidence(Dictionary<Intent, double> scores, IReadOnlyList<Entity> entities, ExpectedAnswer? expected, bool question)
    {
        var covered = entities.Any(e => e.Kind == EntityKind.Place);
        var foreign = entities.Any(e => e.Kind == EntityKind.UncoveredPlace && e.Subject.Length == 0 && !e.Passing);
        if (foreign && !covered)
        {
            scores[Intent.OutOfScope] = scores.GetValueOrDefault(Intent.OutOfScope) + 4.0;
        }

        if (expected is not null && Answers(expected, entities))
        {
            scores[Intent.ProvideInformation] = scores.GetValueOrDefault(Intent.ProvideInformation) + 3.0;
        }

        // Places named in passing (之前在平凉干过, 我是临夏人) are not places compared.
        if (entities.Where(e => e.Kind == EntityKind.Place && !e.Passing).Select(e => e.Value).Distinct().Count() >= 2)
        {
            scores[Intent.ComparePlaces] = scores.GetValueOrDefault(Intent.ComparePlaces) + 1.5;
        }

        var asks = scores.Any(kv => kv.Key is not (Intent.Greet or Intent.ProvideInformation) && kv.Value > 0);
        if (!asks && entities.Any(e => InformationKinds.Contains(e.Kind)))
        {
            scores[Intent.ProvideInformation] = scores.GetValueOrDefault(Intent.ProvideInformation) + 1.0;
        }

        if (!asks && entities.Any(e => e.Kind is EntityKind.Topic or EntityKind.Measure))
        {
            var target = question ? Intent.AskConditions : Intent.ListMeasures;
            scores[target] = scores.GetValueOrDefault(target) + 1.1;
        }
    }

    private static bool Answers(ExpectedAnswer expected, IReadOnlyList<Entity> entities) => expected.Kind switch
    {
        ExpectedKind.YesNo => entities.Any(e => e.Kind == EntityKind.YesNo),
        ExpectedKind.Number => entities.Any(e => e.Number is not null && e.Kind is not (EntityKind.Date or EntityKind.Choice)),
        ExpectedKind.Choice => entities.Any(e => e.Kind == EntityKind.Choice),
        _ => entities.Count > 0,
    };
}
