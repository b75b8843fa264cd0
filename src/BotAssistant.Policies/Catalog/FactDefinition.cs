namespace BotAssistant.Policies;

public enum Audience { Any, Individual, Employer, Institution }

/// <summary>part / whole × scale. AskInputs: when unknown, ask for the two counts (留用/见习人数) rather than the rate itself.</summary>
public sealed record DerivedFact(string Numerator, string Denominator, decimal Scale)
{
    public bool AskInputs { get; init; } = true;
}

public sealed record FactDefinition(
    string Name,
    string Label,
    FactType Type,
    string? Unit,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    decimal? Min,
    decimal? Max,
    Audience Audience,
    decimal Cost,
    DerivedFact? Derived)
{
    /// <summary>A number fact that this one can never exceed (留用人数 ≤ 见习人数): a check on what the user says.</summary>
    public string? AtMost { get; init; }

    /// <summary>
    /// How far below <see cref="AtMost"/> this fact must stay ("at_most: age - 15": nobody has left school for longer
    /// than their age less fifteen years, so 22岁 and 毕业8年 cannot both be true).
    /// </summary>
    public decimal AtMostLess { get; init; }

    /// <summary>
    /// A number fact whose fall this one is, when the user gives it at two times ("年初参保50人，年底45人": 5 fewer of
    /// 50): the two figures give this fact as their difference and the other as the first.
    /// </summary>
    public string? DecreaseOf { get; init; }

    /// <summary>
    /// How a person's own facts make this employer fact when they ask what a firm would get for taking them on ("要是有
    /// 企业招我"): "graduate_status=within_2_years" → graduate. Keys are "fact=value" of the person, values this fact's.
    /// </summary>
    public IReadOnlyDictionary<string, string> FromSelf { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What the same person's other facts settle of this one ("employment_status=employed": false — no 失业保险金 while
    /// in work), as rules like from_self's: the value of the first rule met, when the fact itself is unsaid.
    /// </summary>
    public IReadOnlyDictionary<string, string> Follows { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Values that stand for several narrower ones (登记失业人员 includes 登记失业半年以上人员 and the 16—24岁 青年): held,
    /// such a value decides what all its narrower values decide alike, and leaves the rest open to ask.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Includes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// A yes/no fact a named place answers ("province": yes when the place is in the province of the user's place):
    /// "学校在太原" to 是否在本省院校就读 from 稷山 is yes.
    /// </summary>
    public string? AnsweredByPlace { get; init; }

    /// <summary>People facts only: the facts each person told apart may have of their own (合同期限, 社保月数, 类别).</summary>
    public IReadOnlyList<string> PersonFacts { get; init; } = [];

    /// <summary>
    /// The value of this fact that a person's own facts make, by the first from_self rule they meet: each rule's tests
    /// are joined by "&amp;", and each is "fact=value", "fact&gt;=n" or "fact&lt;=n".
    /// </summary>
    public string? FromSelfValue(Func<string, string?> own) => FirstMet(FromSelf, own);

    /// <summary>
    /// A yes/no fact asked before this one while it is unknown ("asked_after: is_entrepreneur" on 正常经营时间): a job
    /// seeker is asked whether they start a business before how long it has run.
    /// </summary>
    public string? AskedAfter { get; init; }

    /// <summary>
    /// False for a yes/no asked only on the way to another (<see cref="AskedAfter"/>): "是否创业" is asked before how
    /// long a business has run, never of a job seeker only because a 创业 measure is among theirs.
    /// </summary>
    public bool AskedForItself { get; init; } = true;

    /// <summary>How none of a number fact is said of the user ("没签劳动合同" for a contract of 0年), where "0年" would read oddly.</summary>
    public string? NoneSaid { get; init; }

    /// <summary>The value the same person's other facts give this one by its follows rules, or null.</summary>
    public string? FollowsValue(Func<string, string?> own) => FirstMet(Follows, own);

    private static string? FirstMet(IReadOnlyDictionary<string, string> rules, Func<string, string?> own)
    {
        foreach (var (rule, value) in rules)
        {
            if (rule.Split('&').All(test => Holds(test, own)))
            {
                return value;
            }
        }

        return null;
    }

    private static bool Holds(string test, Func<string, string?> own)
    {
        foreach (var op in (string[])[">=", "<="])
        {
            var at = test.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return decimal.TryParse(own(test[..at]), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    && decimal.TryParse(test[(at + 2)..], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var bound)
                    && (op == ">=" ? n >= bound : n <= bound);
            }
        }

        var eq = test.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && own(test[..eq]) == test[(eq + 1)..];
    }

    public bool HasValue(string key) => Values.Any(v => v.Key == key);

    public string? ValueLabel(string key) => Values.FirstOrDefault(v => v.Key == key).Value;

    /// <summary>How a value reads to a person: enum label, number with unit, 是/否, a Chinese date.</summary>
    public string Display(FactValue value) => value switch
    {
        BoolValue b => b.Value ? "是" : "否",
        NumberValue { AtLeast: true } => "有（未说具体数）",
        NumberValue { Value: 0 } when NoneSaid is { } none => none,
        NumberValue n when Unit == "%" => $"{Math.Round(n.Value, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%",
        // 0.5年 reads as 6个月 to a person: a part of a year in whole months is said as months too.
        NumberValue n when Unit == "年" && n.Value is > 0 and < 1 && n.Value * 12 == Math.Round(n.Value * 12)
            => $"{(n.Value * 12).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}个月（{n}年）",
        NumberValue n => Unit is null ? n.ToString() : $"{n}{Unit}",
        EnumValue e => ValueLabel(e.Key) ?? e.Key,
        SplitValue sv => string.Join("、", sv.Parts.Select(p => (ValueLabel(p.Key) ?? p.Key)
            + (sv.Parts.All(x => x.Count == 1) ? "" : " " + p.Count.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))),
        DateValue d => Wording.Date(d.Value),
        PeopleValue p => string.Join("、", p.People.Select(x => x.Name)),
        _ => value.ToString() ?? "",
    };
}
