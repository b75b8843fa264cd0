using System.Globalization;
using BotAssistant.Language.Entities;

namespace BotAssistant.Language.Recognizers;

/// <summary>Per-message inputs shared by the number-based recognizers.</summary>
internal sealed record QuantityInput(string Text, List<NumberSpan> Numbers, CueSet Cues, List<PhraseMatch> Groups, DateOnly AsOf);

/// <summary>
/// Attaches units to numbers: percent, age, date, duration, money, count (with the subject it counts),
/// employee count; whatever is left is a bare Number.
/// </summary>
internal static class QuantityRecognizer
{
    public static List<Entity> Recognize(QuantityInput input)
    {
        var result = new List<Entity>();
        var consumedUntil = 0;
        for (var k = 0; k < input.Numbers.Count; k++)
        {
            var n = input.Numbers[k];
            if (n.Start < consumedUntil)
            {
                continue;
            }

            if (RatePerUnit.Names(input, n) || Appositive(input.Text, n) || Sameness(input.Text, n))
            {
                continue;
            }

            if (YearPartlySaid(input.Text, n))
            {
                consumedUntil = n.End;
                continue;
            }

            var found = Percentage(input.Text, n)
                ?? Age(input.Text, n)
                ?? DateReader.Absolute(input, k)
                ?? NotEvenOne(input.Text, n, DurationReader.Read(input, k))
                ?? Money(input.Text, n)
                ?? Count(input, n)
                ?? ZeroOf(input, n)
                ?? Bare(input.Text, n);
            if (found is { Kind: EntityKind.Duration, Number: null })
            {
                // "一个月都没断过": no length of anything, and no other reading of the number either.
                consumedUntil = found.End;
                continue;
            }
            if (found is not null)
            {
                result.Add(found);
                consumedUntil = found.End;
            }
        }

        return result;
    }

    /// <summary>
    /// 二零一几年, 201几年: a year said digit by digit with its last digits left open is a time in the past, not a length
    /// of 201 years; it names no date precise enough to count from either.
    /// </summary>
    private static bool YearPartlySaid(string text, NumberSpan n)
    {
        if (!n.Approximate || n.Length < 4 || !At(text, n.End, "年"))
        {
            return false;
        }

        var digits = text.AsSpan(n.Start, n.Length).TrimEnd("几多余来");
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) && ChineseNumerals.DigitValue(c) < 0)
            {
                return false;
            }
        }

        return digits.Length >= 3;
    }

    internal static string Format(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    internal static Entity Make(EntityKind kind, string value, decimal number, string text, int start, int end, bool approx) =>
        new(kind, value, number, start, end - start, text[start..end]) { Approximate = approx };

    private static Entity? Percentage(string text, NumberSpan n)
    {
        if (At(text, n.End, "%"))
        {
            return Make(EntityKind.Percentage, Format(n.Value), n.Value, text, n.Start, n.End + 1, n.Approximate);
        }

        if (n.Start >= 3 && text.AsSpan(n.Start - 3, 3).SequenceEqual("百分之"))
        {
            return Make(EntityKind.Percentage, Format(n.Value), n.Value, text, n.Start - 3, n.End, n.Approximate);
        }

        if (n.Value == 1 && !n.Arabic && n.Length == 1 && At(text, n.End, "半") && !At(text, n.End + 1, "年") && !At(text, n.End + 1, "个"))
        {
            return Make(EntityKind.Percentage, "50", 50, text, n.Start, n.End + 1, false);
        }

        if (!n.Arabic && n.Value is > 0 and <= 10 && At(text, n.End, "成") && !At(text, n.End + 1, "功") && !At(text, n.End + 1, "立"))
        {
            return Make(EntityKind.Percentage, Format(n.Value * 10), n.Value * 10, text, n.Start, n.End + 1, n.Approximate);
        }

        return null;
    }

    /// <summary>A one-character verb said after 没/不 for what subjects.yaml's cue words (招用, 留用, 裁员) say in full.</summary>
    private static readonly Dictionary<char, string> BareVerbs = new()
    {
        ['招'] = "hired", ['雇'] = "hired", ['聘'] = "hired", ['留'] = "retained", ['裁'] = "laid_off",
    };

    private static Entity? Age(string text, NumberSpan n)
    {
        var unit = At(text, n.End, "周岁") ? 2 : At(text, n.End, "岁") ? 1 : 0;
        return unit == 0 && !AgeSaidBare(text, n) ? null
            : Make(EntityKind.Age, Format(n.Value), n.Value, text, n.Start, n.End + unit, n.Approximate);
    }

    private static readonly string[] AgeLeads = ["今年已经", "今年都", "今年"];

    /// <summary>
    /// "我今年四十一", "他今年都五十二了": a person, 今年, then a number with no unit after it is their age, as people say it
    /// without 岁. A unit (今年41个, 今年3万) makes it something else.
    /// </summary>
    private static bool AgeSaidBare(string text, NumberSpan n)
    {
        if (n.Value is < MinBareAge or > MaxBareAge || n.End < text.Length && !IsClauseEnd(text[n.End]) && text[n.End] != '了')
        {
            return false;
        }

        foreach (var lead in AgeLeads)
        {
            if (n.Start >= lead.Length + 1 && text.AsSpan(n.Start - lead.Length, lead.Length).SequenceEqual(lead))
            {
                return text[n.Start - lead.Length - 1] is '我' or '他' or '她' or '人';
            }
        }

        return false;
    }

    private static bool IsClauseEnd(char c) => c is ' ' or '，' or ',' or '。' or '！' or '？' or '；' or '、';

    /// <summary>A bare number after 今年 read as an age only in the range of working ages people ask about.</summary>
    private const int MinBareAge = 14;

    private const int MaxBareAge = 99;

    private static readonly string[] MoneyUnits = ["块钱", "块", "元", "rmb", "人民币", "毛"];

    private static Entity? Money(string text, NumberSpan n)
    {
        foreach (var u in MoneyUnits)
        {
            if (At(text, n.End, u))
            {
                var value = u == "毛" ? n.Value / 10 : n.Value;
                return Make(EntityKind.Money, Format(value), value, text, n.Start, n.End + u.Length, n.Approximate);
            }
        }

        var last = text[n.End - (n.Approximate ? 2 : 1)];
        // 三万五, 3万5: a sum in 万 with its tenths after the unit.
        var abbreviated = n.Length >= 3 && text[n.End - 2] == '万';
        var tenThousands = last is '万' or 'w' || (last == '千' && n.Arabic) || abbreviated;
        if (tenThousands && !At(text, n.End, "人") && !At(text, n.End, "个") && !At(text, n.End, "名"))
        {
            return Make(EntityKind.Money, Format(n.Value), n.Value, text, n.Start, n.End, n.Approximate);
        }

        return null;
    }

    private static readonly string[] CountUnits = ["个人", "名", "位", "个", "人", "户", "口"];

    private static readonly string[] StaffNouns = ["员工", "职工", "工人", "人"];

    private static readonly string[] AboutTo = ["正在", "在考虑", "在想", "在学", "想", "要", "打算", "准备", "考虑"];

    /// <summary>"公司有两个员工在考虑去参加培训": people doing something are some of the staff, not how many it has.</summary>
    private static bool Doing(string text, int end)
    {
        var k = end;
        if (StaffNouns.FirstOrDefault(w => At(text, k, w)) is { } noun)
        {
            k += noun.Length;
        }

        return AboutTo.Any(w => At(text, k, w));
    }

    /// <summary>
    /// 零留用, 零裁员: 零 right before what a count counts is none of it. 零就业家庭 is a kind of family, and 就业 no cue
    /// of a count, so it stays what it is.
    /// </summary>
    private static Entity? ZeroOf(QuantityInput input, NumberSpan n)
    {
        if (n.Value != 0 || n.Arabic || n.Length != 1 || input.Text[n.Start] != '零'
            || input.Cues.CountsBefore.After(n.End, 0) is not { Length: > 0 } counted)
        {
            return null;
        }

        return Make(EntityKind.Count, counted, 0, input.Text, n.Start, n.End, false);
    }

    private static Entity? Count(QuantityInput input, NumberSpan n)
    {
        var text = input.Text;
        var unit = CountUnits.FirstOrDefault(u => At(text, n.End, u));
        var groupRightAfter = input.Groups.FirstOrDefault(g => g.Start == n.End + (unit?.Length ?? 0));
        // 俩 and 仨 carry their classifier (两个, 三个): they count people even with no noun after them (招了仨).
        var peopleWord = n.Length == 1 && text[n.Start] is '俩' or '仨';
        if (unit is null && groupRightAfter.Length == 0 && !peopleWord)
        {
            return null;
        }

        var end = n.End + (unit?.Length ?? 0);
        if (unit is "个" or "家" && groupRightAfter.Length == 0 && CountsAFirm(text, end))
        {
            return null;
        }

        if ((NoneOf(text, end) ?? (n.Value == 1 && !OneOfSome(text, n.Start) ? NoneRightAfter(text, end) : null)) is { } noneEnd)
        {
            // 一个都没留用, 一人也没招: "not even one" is zero of what the verb after it counts.
            var counted = input.Cues.CountsBefore.After(noneEnd, 1) is { Length: > 0 } verb ? verb
                // 一个都没招, 一个人也没雇, 一个都没留: the bare verb after the negation, which the cue words spell in full.
                : noneEnd < text.Length && BareVerbs.TryGetValue(text[noneEnd], out var bare) ? bare
                : input.Cues.CountsBefore.Before(n.Start, 6);
            return Make(EntityKind.Count, counted, 0, text, n.Start, noneEnd, false);
        }

        var bound = At(text, end, "以下") || At(text, end, "以内") ? "at_most" : At(text, end, "以上") ? "at_least" : null;
        var before = input.Cues.CountsBefore.Before(n.Start, 6);
        // "我们单位接了5个见习的大学生": a count its own noun says is of trainees or hires is no head count, 单位 before it or not.
        var namedAfter = groupRightAfter.Length == 0 ? input.Cues.CountsAfter.After(end, 0) : groupRightAfter.Values[0].Value;
        if (bound is not null || (input.Cues.Employee.Before(n.Start, 4) != "" && before == "" && namedAfter is not { Length: > 0 } && !Doing(text, end))
            || Including(text, n.Start))
        {
            var cut = bound is null ? end : end + 2;
            return Make(EntityKind.EmployeeCount, bound ?? "", n.Value, text, n.Start, cut, n.Approximate);
        }

        var subject = groupRightAfter.Length > 0 ? groupRightAfter.Values[0].Value
            : input.Cues.CountsAfter.After(end, 0) is { Length: > 0 } after ? after
            : before.Length > 0 ? before
            : PredicatedAfter(input, end);
        return Make(EntityKind.Count, subject, n.Value, text, n.Start, end, n.Approximate);
    }

    /// <summary>
    /// "我们是一个小微企业", "一家做纸箱的小厂": a 个 or 家 whose noun, a few words on in its clause, is a firm counts the
    /// firm, not people; a person word first (一个厂里的工人 aside) makes it a count of people.
    /// </summary>
    private static bool CountsAFirm(string text, int end)
    {
        for (var i = end; i < text.Length && i < end + FirmReach && !Clauses.IsBreak(text[i]); i++)
        {
            // 六个都在县里的企业上班: a verb or adverb ends the noun phrase the classifier governs.
            if (PersonEnds.Contains(text[i]) || PhraseEnds.Contains(text[i]))
            {
                return false;
            }

            // 店员, 厂长: a firm word that goes on into a person word names the person.
            // 一个厂里的工人: a person of the firm, said after 的.
            if (FirmNouns.FirstOrDefault(w => At(text, i, w)) is { } firm)
            {
                var k = i + firm.Length;
                var of = At(text, k, "里的") ? k + 2 : At(text, k, "的") ? k + 1 : -1;
                return !(k < text.Length && (PersonEnds.Contains(text[k]) || text[k] is '长' or '主'))
                    && !(of > 0 && text.AsSpan(of, Math.Min(3, text.Length - of)).IndexOfAny(PersonEnds) >= 0);
            }
        }

        return false;
    }

    private const int FirmReach = 12;

    private static readonly string[] FirmNouns = ["企业", "公司", "厂", "单位", "店", "合作社", "工作室", "作坊", "超市", "饭馆", "机构", "门市"];

    private const string PersonEnds = "人员生兵娃伙姑姐哥叔姨";

    private const string PhraseEnds = "都在是去到了招给有也还就没";

    /// <summary>
    /// "走了五个人 都是我们这边辞退的": a count whose own clause says nothing of what it counts is told of by the next clause,
    /// when that clause opens with 都是/全是 (all of them were …) and names a counted doing (辞退, 招的, 留用).
    /// </summary>
    private static string PredicatedAfter(QuantityInput input, int end)
    {
        var text = input.Text;
        if (end >= text.Length || !Clauses.IsBreak(text[end]) || Clauses.IsSentenceBreak(text[end]))
        {
            return "";
        }

        var open = AllOfThem.FirstOrDefault(w => At(text, end + 1, w));
        if (open is null)
        {
            return "";
        }

        var clauseEnd = Clauses.EndOf(text, end + 1);
        for (var k = end + 1 + open.Length; k < clauseEnd; k++)
        {
            if (input.Cues.CountsBefore.After(k, 0) is { Length: > 0 } counted)
            {
                return counted;
            }
        }

        return "";
    }

    private static readonly string[] AllOfThem = ["全都是", "都是", "全是"];

    /// <summary>
    /// "连新招的在内一共24个人", "店里连我在内一共五个人": a count said as including others is the firm's whole, not more of
    /// the ones a cue before it names.
    /// </summary>
    private static bool Including(string text, int at)
    {
        var start = at;
        while (start > 0 && at - start < IncludingReach && !Clauses.IsBreak(text[start - 1]))
        {
            start--;
        }

        var window = text.AsSpan(start, at - start);
        return window.IndexOf("在内", StringComparison.Ordinal) >= 0 || window.IndexOf("包括", StringComparison.Ordinal) >= 0
            || window.IndexOf("算上", StringComparison.Ordinal) >= 0;
    }

    /// <summary>How far before a count its 在内 or 包括 may stand: 连今年新招的在内一共.</summary>
    private const int IncludingReach = 12;

    /// <summary>
    /// 我一个人, 就我们两个, 他俩: a count right after a personal pronoun restates who that is (the speaker alone runs the
    /// hiring), it does not count anyone hired, trained or placed.
    /// </summary>
    private static bool Appositive(string text, NumberSpan n)
    {
        var people = text[n.Start] is '俩' or '仨' || At(text, n.End, "人") || At(text, n.End, "个人")
            || (At(text, n.End, "个") && !(n.End + 1 < text.Length && "月年星礼工半多小钟".Contains(text[n.End + 1])));
        if (!people)
        {
            return false;
        }

        var at = n.Start;
        if (at >= 1 && text[at - 1] == '们')
        {
            at--;
        }

        // 就招了他一个, 雇了她们俩: after a hiring verb the pronoun is whom the count counts, the hires themselves.
        var hiredThem = at >= 3 && text.AsSpan(Math.Max(0, at - 4), Math.Min(4, at - 1)).IndexOfAny("招雇聘") >= 0;
        return at >= 1 && text[at - 1] is '我' or '你' or '他' or '她' or '咱' && !(hiredThem && text[at - 1] is '他' or '她');
    }

    /// <summary>同一个月, 同一年, 同一批: 一 after 同 says the same one, not how many or how long.</summary>
    // 合同一年 is a contract of a year: 同 there ends the word 合同, it says no sameness.
    private static bool Sameness(string text, NumberSpan n) =>
        n.Value == 1 && !n.Arabic && n.Start >= 1 && text[n.Start - 1] == '同' && !(n.Start >= 2 && text[n.Start - 2] == '合');

    /// <summary>
    /// A time of one under "not even" (一个月都没交, 一年也没断过): none of what the verb after it does. A break that never
    /// happened (断, 停, 欠, 拖) or a verb of nothing we read leaves no length at all (Number null, dropped by the caller);
    /// else it is zero of the duration's subject (社保一个月都没交 = 0 months).
    /// </summary>
    private static Entity? NotEvenOne(string text, NumberSpan n, Entity? duration)
    {
        if (duration is null || n.Value != 1 || NoneOf(text, duration.End) is not { } negEnd)
        {
            return duration;
        }

        var breakNeverHappened = negEnd < text.Length && BreakVerbs.Contains(text[negEnd]);
        return breakNeverHappened || duration.Value == ""
            ? duration with { Number = null }
            : duration with { Number = 0, Length = negEnd - duration.Start, Text = text[duration.Start..negEnd] };
    }

    /// <summary>Verbs of a break in something ongoing: 断, 停, 欠, 拖, 落 (没断过, 没停过, 没欠过).</summary>
    private const string BreakVerbs = "断停欠拖落缺";

    /// <summary>
    /// 另一个没签, 其中一个没交, 有一个没留下: a count of one after 另/其中/有 is one of the people, and what it did not do
    /// is said of that one, not "not one".
    /// </summary>
    internal static bool OneOfSome(string text, int start) =>
        start > 0 && text[start - 1] is '另' or '中' or '有' || start > 1 && text.AsSpan(start - 2, 2).SequenceEqual("另外");

    /// <summary>"一个没裁员", "一人没留": 没/未 right after a count of one is "not one", ending where the negation does.</summary>
    private static int? NoneRightAfter(string text, int end) =>
        end < text.Length && text[end] is '没' or '未' ? (At(text, end, "没有") ? end + 2 : end + 1) : null;

    /// <summary>End of "都没 / 也没 / 都不 / 也未" right after a count of one, or null.</summary>
    private static int? NoneOf(string text, int end)
    {
        // "一个新人都没招", "一个大学生也没招": the noun of what is counted may stand between the count and 都.
        for (var k = 0; k < NoneNounReach && end < text.Length && text[end] is not ('都' or '也') && !Clauses.IsBreak(text[end]) && !char.IsDigit(text[end]); k++)
        {
            end++;
        }

        if (end + 1 >= text.Length || text[end] is not ('都' or '也'))
        {
            return null;
        }

        var neg = text[end + 1];
        // "12个都不知道": 不 of the speaker's knowing (不知道, 不清楚, 不记得) denies nothing of the count.
        if (neg is not ('没' or '未' or '不') || (neg == '不' && end + 2 < text.Length && text[end + 2] is '知' or '清' or '懂' or '记' or '确' or '太'))
        {
            return null;
        }

        return At(text, end + 1, "没有") ? end + 3 : end + 2;
    }

    /// <summary>
    /// Measure words of things (一份保险, 两头牛, 十八间房, 三次): what they count is no fact of ours, so the number is no
    /// bare figure that could answer a question about months, years or people.
    /// </summary>
    private const string ThingClassifiers = "份张本件项套台辆间条家头只把次趟遍顿";

    /// <summary>How long the noun between a "not even one" count and its 都 may be: 一个新人都没, 一个大学生也没.</summary>
    private const int NoneNounReach = 3;

    private static Entity? Bare(string text, NumberSpan n)
    {
        if (n.End < text.Length && ThingClassifiers.Contains(text[n.End]))
        {
            return null;
        }

        if (n.Half && n.Length == 1)
        {
            return text.Trim() == "半" ? Make(EntityKind.Number, "0.5", 0.5m, text, n.Start, n.End, false) : null;
        }

        return Make(EntityKind.Number, Format(n.Value), n.Value, text, n.Start, n.End, n.Approximate);
    }

    internal static bool At(string text, int pos, string s) =>
        pos >= 0 && pos + s.Length <= text.Length && text.AsSpan(pos, s.Length).SequenceEqual(s);
}
