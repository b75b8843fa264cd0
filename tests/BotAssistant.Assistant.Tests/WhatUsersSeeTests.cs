using BotAssistant.Bot.Schema;

namespace BotAssistant.Assistant.Tests;

/// <summary>The same answer as each channel should show it: cards where they render, short numbered text on WeChat.</summary>
public sealed class WhatUsersSeeTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private const string Compare = "平凉 临夏 巫山 的见习补贴 每月标准 比一比";

    private const string Screening = "我们是平凉的小微企业 招了3个应届毕业生 签了一年合同 社保交了两个月 能拿啥补贴";

    [Fact]
    public async Task A_compare_on_a_card_channel_is_the_card_with_one_line_beside_it()
    {
        var replies = await AssistantHarness.Chat(AsOf, "webchat").SayAsync(Compare);
        var answer = Assert.Single(replies);

        Assert.Contains(answer.Attachments!, a => a.ContentType == "application/vnd.microsoft.card.adaptive");
        Assert.DoesNotContain("｜", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text!.Length < 120, answer.Text);
    }

    [Fact]
    public async Task A_compare_on_WeChat_is_one_short_line_a_place_and_the_clauses_once()
    {
        // 平政办发〔2023〕75号（九）1000元起；临夏 六 1000元、1200元；巫山府办发〔2023〕57号（十一）1300元、1500元
        var replies = await AssistantHarness.Chat(AsOf, "wechat").SayAsync(Compare);
        var text = Chat.Visible(replies);

        Assert.All(replies, r => Assert.True(r.Attachments is null || r.Attachments.Count == 0));
        Assert.Contains("平凉市｜", text, StringComparison.Ordinal);
        Assert.Contains("巫山县｜", text, StringComparison.Ordinal);
        Assert.Contains("1300", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "出处："));
        Assert.Equal(0, CountOf(text, "依据："));
    }

    [Fact]
    public async Task A_finished_screening_offers_the_next_steps_as_card_buttons_not_as_a_waiting_question()
    {
        var replies = await AssistantHarness.Chat(AsOf, "webchat").SayAsync(Screening);
        var last = replies[^1];

        Assert.False(Chat.AsksSomething(replies));
        var hero = Assert.Single(last.Attachments!, a => a.ContentType == HeroCard.ContentType);
        Assert.Equal(["需要什么材料", "原文", "找哪个部门", "重新开始"], ((HeroCard)hero.Content!).Buttons!.Select(b => b.Title));
    }

    [Fact]
    public async Task On_WeChat_the_next_steps_are_the_numbered_menu()
    {
        var replies = await AssistantHarness.Chat(AsOf, "wechat").SayAsync(Screening);

        Assert.Equal(["需要什么材料", "原文", "找哪个部门", "重新开始"], replies[^1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task On_WeChat_a_retry_names_the_menu_number_of_不知道()
    {
        var chat = AssistantHarness.Chat(AsOf, "wechat");
        var question = await chat.SayAsync("我是平凉的应届毕业生，能领什么补贴");
        var unknownAt = question[^1].SuggestedActions!.Actions.ToList().FindIndex(a => a.Title == "不知道") + 1;

        var retry = Chat.Visible(await chat.SayAsync("啊啊啊"));

        Assert.Contains($"回复{unknownAt}（不知道）", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("点“不知道”", retry, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
