using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Facts;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Assistant.Replies;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>Everything one turn works with: the knowledge, the wording, the state, what the message said, and the date.</summary>
public sealed class TurnScope
{
    public TurnScope(KnowledgeSnapshot knowledge, DialogTexts texts, AssistantState state, Understanding understanding, DateOnly asOf, AssistantOptions options)
    {
        var catalog = knowledge.Catalog;
        Catalog = catalog;
        Rules = knowledge.Rules;
        Texts = texts;
        State = state;
        Understanding = understanding;
        AsOf = asOf;
        Options = options;
        Writer = new MeasureWriter(texts, catalog);
        Extractor = new FactExtractor(catalog, texts);
        Hires = new HireStories(catalog, Extractor, text => knowledge.Language.Understand(text, new UnderstandingContext(asOf)));
    }

    /// <summary>Reads an employer's story that tells its hires apart, each with their own facts.</summary>
    public HireStories Hires { get; }

    public Catalog Catalog { get; }

    public RuleCache Rules { get; }
    public DialogTexts Texts { get; }
    public AssistantState State { get; }
    public Understanding Understanding { get; }
    public DateOnly AsOf { get; }
    public AssistantOptions Options { get; }
    public MeasureWriter Writer { get; }

    /// <summary>True when this very message set the as-of date ("按2023年的政策算").</summary>
    public bool AsOfChanged { get; init; }
    public FactExtractor Extractor { get; }

    /// <summary>Situation facts this message gave besides the answer to the open question ("我以前没贷过款" while asked about work).</summary>
    public List<string> Volunteered { get; } = [];

    /// <summary>Lines said before the reply about how this message was read ("商业意外险不算社保").</summary>
    public List<string> Notes { get; } = [];

    public string? Place => Fact("place");

    public string? Role => Fact("role");

    public string? Fact(string name) => State.Facts.GetValueOrDefault(name);

    /// <summary>The measure judged on no facts: its rule as lists and tables show it.</summary>
    public MeasureResult Rule(Measure m) => Rules.Rule(m, AsOf);

    /// <summary>
    /// The state's facts typed by facts.yaml; a stored value that no longer parses (catalog changed) is dropped.
    /// Typed once per change of the state's facts, since every flow of a turn reads them.
    /// </summary>
    public FactSet Facts()
    {
        var stamp = FactsStamp();
        if (_facts is not null && stamp == _factsStamp)
        {
            return _facts;
        }

        _factsStamp = stamp;
        return _facts = TypeFacts();
    }

    private FactSet? _facts;
    private string _factsStamp = "";

    private string FactsStamp() => string.Join('\u001f', State.Facts.Select(kv => kv.Key + "=" + kv.Value));

    private FactSet TypeFacts()
    {
        var facts = Catalog.NewFacts();
        foreach (var (name, raw) in State.Facts)
        {
            if (Catalog.Facts.TryGetValue(name, out var def) && FactValue.Parse(def.Type, raw) is { } value
                && (value is not EnumValue e || def.HasValue(e.Key)) && (value is not SplitValue sv || sv.Parts.All(p => def.HasValue(p.Key))))
            {
                facts = facts.With(name, value);
            }
        }

        return facts;
    }

    public IEnumerable<Measure> ForAudience(IEnumerable<Measure> measures)
    {
        var list = measures.ToList();
        var audience = Role switch
        {
            "individual" when AsksForEmployer() => [Audience.Employer, Audience.Institution],
            "individual" => new[] { Audience.Individual },
            "employer" => [Audience.Employer, Audience.Institution],
            "institution" => [Audience.Institution, Audience.Employer],
            _ => [],
        };
        if (audience.Length == 0)
        {
            return list;
        }

        // A measure for anyone (an incubated 创业实体, founder or firm) is for whoever asks.
        var matching = list.Where(m => m.Audience == Audience.Any || audience.Contains(m.Audience)).ToList();
        return matching.Count > 0 ? matching : list;
    }

    private bool? _asksForEmployer;

    /// <summary>Read once per turn: every flow filters its measures through <see cref="ForAudience"/>.</summary>
    public bool AsksForEmployer() => _asksForEmployer ??= AsksForEmployer(Understanding.Normalized);

    /// <summary>
    /// "要是有企业招我，企业能拿啥补贴", "去单位见习，单位一个月能拿多少": a person asking what the employer gets for taking
    /// them on; the employer's measures answer it.
    /// </summary>
    private static bool AsksForEmployer(string text)
    {
        foreach (var who in EmployerWords)
        {
            for (var at = text.IndexOf(who, StringComparison.Ordinal); at >= 0; at = text.IndexOf(who, at + 1, StringComparison.Ordinal))
            {
                var after = text.AsSpan(at + who.Length, Math.Min(6, text.Length - at - who.Length));
                if (after.IndexOf("能拿", StringComparison.Ordinal) >= 0 || after.IndexOf("能领", StringComparison.Ordinal) >= 0
                    || after.IndexOf("有啥补贴", StringComparison.Ordinal) >= 0 || after.IndexOf("有什么补贴", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] EmployerWords = ["企业", "单位", "公司", "老板", "厂里"];
}

/// <summary>Configuration section "Assistant".</summary>
public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>The date policies are judged on, yyyy-MM-dd; empty means today.</summary>
    public string? AsOf { get; set; }

    /// <summary>A screening shows its result after at most this many questions, listing what is still unknown.</summary>
    public int MaxQuestions { get; set; } = 6;

    /// <summary>How many measures one answer lists in full before it offers the rest on request.</summary>
    public int MaxMeasuresPerAnswer { get; set; } = 4;

    public string Hotline { get; set; } = "12333";
}
