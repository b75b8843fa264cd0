using BotAssistant.Language;

namespace BotAssistant.Assistant.Facts;

/// <summary>What a clause says of a thing it names: that it is so, that it is not, or neither.</summary>
public enum Stance
{
    Asserted,
    Denied,

    /// <summary>Asked or hedged: "是不是残疾人", "不知道算不算低保".</summary>
    Open,
}

/// <summary>
/// "没贷过款", "不是残疾人", "从来没当过兵": a negation in front of the word for a thing, in the same clause, denies it;
/// an A-not-A question (是不是, 算不算, 有没有) or a hedge (不知道, 不清楚) in front of it leaves it open.
/// Only what comes before counts, up to a 的: "贷款还没还清" negates the repaying, and says there is a loan; "没工作的高校毕业生"
/// are graduates.
/// </summary>
public static class Denial
{
    /// <summary>How far back a negation may stand from the word it denies (没有申请过贷款: 5).</summary>
    private const int Reach = 5;

    public static bool Denies(string text, string word)
    {
        for (var at = GappedPhrase.IndexOf(text, word); at >= 0; at = GappedPhrase.IndexOf(text, word, at + 1))
        {
            if (StanceAt(text, at) == Stance.Denied)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the clause says of the word starting at <paramref name="at"/>.</summary>
    public static Stance StanceAt(string text, int at)
    {
        if (at < 0 || at > text.Length)
        {
            return Stance.Asserted;
        }

        var start = at;
        while (start > 0 && !IsClauseBreak(text[start - 1]))
        {
            start--;
        }

        if (Hedged(text, start, at))
        {
            return Stance.Open;
        }

        for (var i = at - 1; i >= start && i >= at - Reach; i--)
        {
            // "没工作的高校毕业生": the negation is inside a clause that modifies the word, not about the word.
            if (text[i] == '的')
            {
                break;
            }

            if (text[i] is '没' or '未' or '无' or '不')
            {
                return AsksBoth(text, i) ? Stance.Open : Stance.Denied;
            }
        }

        return Stance.Asserted;
    }

    /// <summary>不知道/不清楚/不确定/不记得 anywhere before the word in its clause.</summary>
    private static bool Hedged(string text, int start, int at)
    {
        for (var i = start; i + 1 < at; i++)
        {
            if (text[i] == '不' && text[i + 1] is '知' or '清' or '确' or '记' or '晓' or '太' or '一')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>是不是, 算不算, 有没有: the same character on both sides of the negation.</summary>
    private static bool AsksBoth(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i - 1] == text[i + 1];

    private static bool IsClauseBreak(char c) => c is '，' or '。' or ',' or '.' or '；' or ';' or '！' or '!' or '？' or '?' or ' ' or '\n' or '、';
}
