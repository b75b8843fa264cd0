using System.Text.Json;
using BotAssistant.Bot.Schema;
using CsCheck;

namespace BotAssistant.Assistant.Tests;

/// <summary>
/// A screening weighs the measures the opening message makes relevant, whatever the answers to its questions are and
/// in whatever order they come: an early 否 must not end it before the other measures have been asked about.
/// </summary>
public sealed class ScreeningOrderTests
{
    private static readonly string[] Replies = ["是", "否", "不知道"];

    [Theory]
    [InlineData("我是应届毕业生，在平凉，能领什么补贴")]
    [InlineData("巫山的，去年大学毕业一直没找到工作，能享受啥政策")]
    [InlineData("我们是稷山的小微企业 今年招了几个人 能拿什么补贴")]
    public void The_measures_weighed_do_not_depend_on_the_answers(string opening)
    {
        var reference = Weighed(opening, _ => "不知道");
        Assert.NotEmpty(reference);
        Gen.Int[0, Replies.Length - 1].Array[12].Sample(choices =>
        {
            var weighed = Weighed(opening, i => Replies[choices[i % choices.Length]]);
            Assert.True(reference.SetEquals(weighed),
                $"answers {string.Join(",", choices.Select(c => Replies[c]))} weighed {string.Join(",", weighed.Order())}, expected {string.Join(",", reference.Order())}");
        }, iter: 40);
    }

    /// <summary>Plays the screening to its end, the i-th question answered with <paramref name="answer"/>(i).</summary>
    private static HashSet<string> Weighed(string opening, Func<int, string> answer)
    {
        var chat = AssistantHarness.Chat(new DateOnly(2026, 12, 1));
        var replies = chat.SayAsync(opening).GetAwaiter().GetResult();
        for (var i = 0; i < 20 && Chat.AsksSomething(replies); i++)
        {
            replies = chat.SayAsync(answer(i)).GetAwaiter().GetResult();
        }

        Assert.False(Chat.AsksSomething(replies), "the screening did not end within 20 answers:\n" + Chat.Visible(replies));
        return replies
            .Where(a => a.Value is not null)
            .Select(a => JsonSerializer.SerializeToElement(a.Value, BotJson.Options))
            .Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("measures", out _))
            .SelectMany(v => v.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetString()!))
            .ToHashSet();
    }
}
