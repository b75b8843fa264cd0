using BotAssistant.Language.Lexicon;

namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Where a story tells people apart: "第一个是个女娃娃", "一、小杨、小李两个是…", "其中有一个是…另外三个是…" introduce
/// them; 小王/老杨 and the nouns an introduction used (那个小伙子) mention them again. What each one's facts are is read
/// by the assistant from the text between mentions.
/// </summary>
internal sealed class PersonMentions(PeopleWords words)
{
    private readonly HashSet<char> _surnames = [.. words.Surnames];
    private readonly List<string> _nouns = [.. words.Nouns.OrderByDescending(n => n.Length)];

    /// <summary>How far after 第N个 the name it introduces may start: 第一个是个女娃娃, 第四个人小马.</summary>
    private const int NameReach = 4;

    /// <summary>How far after a list marker (一、) its names may start and run: 一、小杨、小李两个是….</summary>
    private const int ListReach = 12;

    private const string Introduced = "introduced";

    public List<Entity> Read(string text)
    {
        var found = new List<Entity>();
        var taken = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (Ordinal(text, i) is { } end && !taken[i])
            {
                var named = NameAt(text, end, NameReach);
                var stop = named?.End ?? end;
                found.Add(new Entity(EntityKind.Person, named?.Name ?? text[i..end], null, i, stop - i, text[i..stop]) { Subject = Introduced });
                Take(taken, i, stop);
            }
            else if (ListMarker(text, i) is { } from)
            {
                foreach (var (at, len, name) in NamesIn(text, from, Math.Min(text.Length, from + ListReach)))
                {
                    found.Add(new Entity(EntityKind.Person, name, null, at, len, name) { Subject = Introduced });
                    Take(taken, at, at + len);
                }
            }
            else if (PairIntro(text, i) is { } pairEnd && !taken[i])
            {
                found.Add(new Entity(EntityKind.Person, text[i..pairEnd], null, i, pairEnd - i, text[i..pairEnd]) { Subject = Introduced, Persons = 1 });
                Take(taken, i, pairEnd);
            }
            else if (OneNamed(text, i) is { } one && !taken[i])
            {
                // "一个是小陈 … 一个是小刘 … 还有一个是小周": one of those counted, named; the name is who the story goes on about.
                found.Add(new Entity(EntityKind.Person, one.Name, null, i, one.End - i, text[i..one.End]) { Subject = Introduced, Persons = 1 });
                Take(taken, i, one.End);
            }
            else if (CountIntro(text, i) is { } intro && !taken[i])
            {
                found.Add(new Entity(EntityKind.Person, text[i..intro.End], null, i, intro.End - i, text[i..intro.End]) { Subject = Introduced, Persons = intro.Count });
                Take(taken, i, intro.End);
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!taken[i] && NameLength(text, i) is > 0 and var len)
            {
                found.Add(new Entity(EntityKind.Person, text.Substring(i, len), null, i, len, text.Substring(i, len)));
                i += len - 1;
            }
        }

        return [.. found.OrderBy(e => e.Start)];
    }

    private static void Take(bool[] taken, int from, int to)
    {
        for (var k = from; k < to && k < taken.Length; k++)
        {
            taken[k] = true;
        }
    }

    /// <summary>
    /// 第一个, 第4个: the end of the ordinal (after 个, and 人 when it follows). 最后一个 closes a list begun with 第一个
    /// and is the last person of it.
    /// </summary>
    private static int? Ordinal(string text, int i)
    {
        if (string.CompareOrdinal(text, i, LastOne, 0, LastOne.Length) == 0 && text.LastIndexOf("第一个", i, StringComparison.Ordinal) >= 0)
        {
            var end = i + LastOne.Length;
            return end < text.Length && text[end] == '人' ? end + 1 : end;
        }

        if (text[i] != '第' || i + 2 >= text.Length || !IsDigitLike(text[i + 1]))
        {
            return null;
        }

        var k = i + 1;
        while (k < text.Length && IsDigitLike(text[k]))
        {
            k++;
        }

        if (k >= text.Length || text[k] != '个')
        {
            return null;
        }

        k++;
        return k < text.Length && text[k] == '人' ? k + 1 : k;
    }

    private const string LastOne = "最后一个";

    /// <summary>一、 二、 at the start of a line or sentence: where an enumerated item's text begins.</summary>
    private static int? ListMarker(string text, int i)
    {
        var before = i - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        if (!IsDigitLike(text[i]) || (before >= 0 && !IsBreak(text[before])))
        {
            return null;
        }

        var k = i;
        while (k < text.Length && IsDigitLike(text[k]))
        {
            k++;
        }

        return k < text.Length && text[k] is '、' or '.' or '．' ? k + 1 : null;
    }

    /// <summary>How far after 一个是 the name may start: 一个是小陈, 还有一个是咱村的小周.</summary>
    private const int OneNameReach = 2;

    /// <summary>
    /// "(还有|另外|其中)?一个是 + name", after a clause break or a space: one person introduced by name. Unlike a bare count
    /// intro this may follow a space, since the name makes it a person and not "一个是固原的学校".
    /// </summary>
    private (int End, string Name)? OneNamed(string text, int i)
    {
        if (i > 0 && !IsBreak(text[i - 1]) && text[i - 1] is not ('，' or ',' or ' ' or '、'))
        {
            return null;
        }

        var k = i;
        foreach (var lead in (string[])["还有", "另外", "其中"])
        {
            if (string.CompareOrdinal(text, k, lead, 0, lead.Length) == 0)
            {
                k += lead.Length;
                break;
            }
        }

        if (string.CompareOrdinal(text, k, "一个是", 0, 3) != 0)
        {
            return null;
        }

        k += 3;
        for (var at = k; at <= k + OneNameReach && at < text.Length; at++)
        {
            if (NameLength(text, at) is > 0 and var len)
            {
                return (at + len, text.Substring(at, len));
            }
        }

        return null;
    }

    private static readonly string[] OtherOne = ["另外一个", "另一个", "另外那个", "另个"];

    /// <summary>
    /// "一个签了两年合同 另一个没签": one of two, then the other, each at the start of a clause, are two people told
    /// apart; 一个 alone starts one only when the other is said after it. A measure word after 个 (一个月) is no person.
    /// </summary>
    private static int? PairIntro(string text, int i)
    {
        if (i > 0 && !IsBreak(text[i - 1]) && text[i - 1] is not ('，' or ',' or ' ' or '、'))
        {
            return null;
        }

        foreach (var lead in OtherOne.Append("一个"))
        {
            if (string.CompareOrdinal(text, i, lead, 0, lead.Length) != 0)
            {
                continue;
            }

            var end = i + lead.Length;
            if (end < text.Length && "月年天次元块多半".Contains(text[end]))
            {
                return null;
            }

            var paired = lead != "一个" || OtherOne.Any(o => text.IndexOf(o, end, StringComparison.Ordinal) > 0);
            return paired ? end + (end < text.Length && text[end] == '人' ? 1 : 0) : null;
        }

        return null;
    }

    /// <summary>"(其中|另外|还有)(有)N个(人)是": a count of people a clause goes on to describe.</summary>
    private static (int End, decimal Count)? CountIntro(string text, int i)
    {
        if (i > 0 && !IsBreak(text[i - 1]) && text[i - 1] is not ('，' or ',' or ' ' or '、'))
        {
            return null;
        }

        // Without 其中/另外 a count starts an introduction only at the start of a sentence: "（一个是固原的学校" is not one.
        var k = i;
        var led = false;
        foreach (var lead in (string[])["其中", "另外", "还有", "其余"])
        {
            if (string.CompareOrdinal(text, k, lead, 0, lead.Length) == 0)
            {
                k += lead.Length;
                led = true;
                break;
            }
        }

        if (!led && i > 0 && !IsBreak(text[i - 1]))
        {
            return null;
        }

        if (k < text.Length && text[k] == '有')
        {
            k++;
        }

        var numberStart = k;
        while (k < text.Length && IsDigitLike(text[k]))
        {
            k++;
        }

        if (k == numberStart || k >= text.Length || text[k] != '个' || CountOf(text[numberStart..k]) is not { } n || n <= 0)
        {
            return null;
        }

        k++;
        if (k < text.Length && text[k] == '人')
        {
            k++;
        }

        return k < text.Length && text[k] == '是' ? (k, n) : null;
    }

    private (int End, string Name)? NameAt(string text, int from, int reach)
    {
        for (var k = from; k < text.Length && k <= from + reach; k++)
        {
            if (NameLength(text, k) is > 0 and var len)
            {
                return (k + len, text.Substring(k, len));
            }

            if (NounAt(text, k) is { } noun)
            {
                return (k + noun.Length, noun);
            }

            if (text[k] is '，' or '。' or '；' or '\n')
            {
                break;
            }
        }

        return null;
    }

    private IEnumerable<(int At, int Length, string Name)> NamesIn(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (NameLength(text, k) is > 0 and var len)
            {
                yield return (k, len, text.Substring(k, len));
                k += len - 1;
            }
            else if (text[k] is '是' or '，' or '。' or '；' or '\n')
            {
                yield break;
            }
        }
    }

    /// <summary>小王, 老杨: 小 or 老 and a listed surname, not inside a longer 小/老 word (大小王).</summary>
    private int NameLength(string text, int i)
    {
        if (text[i] is '小' or '老' && i + 1 < text.Length && _surnames.Contains(text[i + 1]) && (i == 0 || text[i - 1] is not ('大' or '小' or '老')))
        {
            return 2;
        }

        return NounAt(text, i)?.Length ?? 0;
    }

    /// <summary>Whether a person noun (大姐, 小伙子) starts between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public bool NounWithin(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (NounAt(text, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private string? NounAt(string text, int i) =>
        _nouns.FirstOrDefault(n => string.CompareOrdinal(text, i, n, 0, n.Length) == 0);

    /// <summary>No story tells apart more people than a few digits count; longer runs are not a count of them.</summary>
    private const int MaxDigits = 4;

    private static decimal? CountOf(string digits) =>
        digits.Length > MaxDigits ? null
        : digits.All(char.IsAsciiDigit) ? decimal.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
        : digits.Any(char.IsAsciiDigit) ? null : ChineseNumerals.Parse(null, digits);

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || ChineseNumerals.IsNumeral(c);

    private static bool IsBreak(char c) => c is '\n' or '。' or '；' or ';' or '！' or '？' or '：' or ':';
}
