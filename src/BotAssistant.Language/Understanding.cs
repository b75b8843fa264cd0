namespace BotAssistant.Language;

public enum Intent
{
    Unknown,
    Greet,
    Help,
    Restart,
    Back,
    Cancel,
    Screen,
    AskAmount,
    AskConditions,
    AskMaterials,
    AskPeriod,
    AskSource,
    AskDepartment,
    ComparePlaces,
    ListMeasures,
    AskCombination,
    AskWhyNot,
    ProvideInformation,
    OutOfScope,
}

public enum ExpectedKind { YesNo, Number, Choice, Text }

public enum EntityKind
{
    Place,
    UncoveredPlace,
    Role,
    Group,
    Topic,
    Measure,
    Material,
    Number,
    Money,
    Count,
    Duration,
    Age,
    Date,
    Percentage,
    CertificateLevel,
    EnterpriseSize,
    Destination,
    EmployeeCount,
    YesNo,
    Choice,
    /// <summary>A person of a story: Value the name said (小王, 女娃娃, 第一个), Persons how many (另外三个), Subject "introduced" where a story starts on them.</summary>
    Person,
}

/// <summary>The question the dialog just asked, so a bare "3" or "对" can be read as its answer.</summary>
public sealed record ExpectedAnswer(string Fact, ExpectedKind Kind, IReadOnlyList<string> ChoiceLabels)
{
    /// <summary>The words of the question as asked: an echo answer (签了, 没领) answers it only when it echoes its verb.</summary>
    public string Question { get; init; } = "";

    public static ExpectedAnswer YesNo(string fact) => new(fact, ExpectedKind.YesNo, []);
    public static ExpectedAnswer Number(string fact) => new(fact, ExpectedKind.Number, []);
    public static ExpectedAnswer Choice(string fact, params string[] labels) => new(fact, ExpectedKind.Choice, labels);
}

/// <summary>Relative dates ("去年", "毕业两年了") are resolved against <see cref="AsOf"/>; the model never reads the clock.</summary>
public sealed record UnderstandingContext(DateOnly AsOf, ExpectedAnswer? Expected = null);

/// <summary>
/// One recognized thing. Start/Length index <see cref="Understanding.Normalized"/>.
/// Value: a key (Place 平凉, Group graduate, Topic jianxi, YesNo yes/no, CertificateLevel junior…),
/// the subject a Count/Duration is about (graduate, retained, contract, social_insurance… or "" when unknown),
/// yyyy-MM for Date, the canonical number text for Number/Money/Age/Percentage.
/// </summary>
public sealed record Entity(EntityKind Kind, string Value, decimal? Number, int Start, int Length, string Text)
{
    /// <summary>True for "二十几", "两年多", "20来岁": Number is the lower bound.</summary>
    public bool Approximate { get; init; }

    /// <summary>Dates only: Year when only the year was said (Value then ends in -01).</summary>
    public DatePrecision Precision { get; init; } = DatePrecision.Month;

    /// <summary>Uncovered places only: the province it is in, where places.yaml knows it (江苏 for 昆山), else "".</summary>
    public string Province { get; init; } = "";

    /// <summary>Places only: named in passing (在兰州上的大学, 以前在北京打过工), not where the user is.</summary>
    public bool Passing { get; init; }

    /// <summary>
    /// Counts only: "from" or "to" when the count is one end of a change said in the message ("年初参保50人，年底45人",
    /// "从40人减少到36人"), else "".
    /// </summary>
    public string Phase { get; init; } = "";

    /// <summary>Dates only: what the date is of ("graduation", "certificate", "business", "hired") or "".</summary>
    public string Subject { get; init; } = "";

    /// <summary>Person entities: how many people the mention stands for (另外三个 is 3). Not a Number: no figure is read from it.</summary>
    public decimal Persons { get; init; } = 1;

    public int End => Start + Length;
}

public enum DatePrecision { Month, Year }

public sealed record Understanding(
    string Normalized,
    bool Truncated,
    Intent Intent,
    double Confidence,
    IReadOnlyList<Intent> SecondaryIntents,
    IReadOnlyList<Entity> Entities)
{
    public IEnumerable<Entity> All(EntityKind kind) => Entities.Where(e => e.Kind == kind);

    public Entity? First(EntityKind kind) => Entities.FirstOrDefault(e => e.Kind == kind);

    public bool Has(EntityKind kind) => Entities.Any(e => e.Kind == kind);

    /// <summary>The covered place key (平凉…), or null when none or more than one was named.</summary>
    public string? Place => Places is [var only] ? only : null;

    /// <summary>Covered places the message is about; places named in passing count only when no other is named.</summary>
    public IReadOnlyList<string> Places => (All(EntityKind.Place).Any(e => !e.Passing)
        ? All(EntityKind.Place).Where(e => !e.Passing) : []).Select(e => e.Value).Distinct().ToList();

    /// <summary>Uncovered places the message is about (not those named in passing).</summary>
    public IEnumerable<Entity> UncoveredPlaces => All(EntityKind.UncoveredPlace).Where(e => !e.Passing);

    /// <summary>"yes", "no" or null.</summary>
    public string? YesNo => First(EntityKind.YesNo)?.Value;

    /// <summary>1-based choice index, or null.</summary>
    public int? Choice => First(EntityKind.Choice)?.Number is { } n ? (int)n : null;

    /// <summary>The first numeric value of any kind (Number, Count, Money, Age, Duration, Percentage, EmployeeCount).</summary>
    public decimal? FirstNumber => Entities.FirstOrDefault(e => e.Number is not null && e.Kind is not (EntityKind.Choice or EntityKind.Date))?.Number;

    public bool IsAbout(Intent intent) => Intent == intent || SecondaryIntents.Contains(intent);

    /// <summary>In a story of several sentences, the sentences that ask something; null for a short message.</summary>
    public IReadOnlyList<(int Start, int End)>? AskingSentences { get; init; }

    /// <summary>The sentences of a story that set a question aside (见习的政策…这个以后再说), with the asks right before them.</summary>
    public IReadOnlyList<(int Start, int End)> SetAsideSentences { get; init; } = [];

    /// <summary>"那要是一半以上都留下来了呢": facts put as a supposition, asking what would follow, not told as the case.</summary>
    public bool Supposes { get; init; }
}
