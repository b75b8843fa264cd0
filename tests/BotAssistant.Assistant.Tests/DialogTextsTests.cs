using System.Text.RegularExpressions;
using BotAssistant.Assistant.Dialogs;

namespace BotAssistant.Assistant.Tests;

public sealed class DialogTextsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dialogs-").FullName;

    [Fact]
    public void Every_template_the_code_asks_for_is_in_responses_yaml()
    {
        var source = Path.Combine(AssistantHarness.RepoRoot, "src", "BotAssistant.Assistant");
        var keys = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"([a-z_]+(?:\\.[a-z_]+)+)\"").Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith(".yaml", StringComparison.Ordinal) && !k.EndsWith(".json", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !AssistantHarness.Texts.Has(k)).ToList();
        Assert.True(missing.Count == 0, "missing templates: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_question_names_a_fact_of_the_catalog()
    {
        var facts = AssistantHarness.Knowledge.Current.Catalog.Facts;
        var unknown = AssistantHarness.Texts.Questions.Keys.Where(f => !facts.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0, "questions for unknown facts: " + string.Join(", ", unknown));
    }

    [Fact]
    public void A_question_with_an_unknown_key_and_one_without_ask_are_reported_with_their_lines()
    {
        Write("questions.yaml", "skip: [不知道]\nasof_cues: [按]\nquestions:\n  age:\n    ask: 几岁？\n    asks: typo\n  place:\n    retry: 哪里？\n");
        Write("responses.yaml", "responses:\n  welcome: 你好\n");

        var error = Assert.Throws<DialogTextException>(() => DialogTexts.Load(_dir, []));

        Assert.Contains(error.Errors, e => e.Contains("questions.yaml:6", StringComparison.Ordinal) && e.Contains("unknown key 'asks'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("questions.yaml:8", StringComparison.Ordinal) && e.Contains("has no 'ask'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_and_a_missing_template_are_errors_not_blank_replies()
    {
        Write("questions.yaml", "questions: [unclosed\n");
        Write("responses.yaml", "responses:\n  welcome: 你好\n");

        var error = Assert.Throws<DialogTextException>(() => DialogTexts.Load(_dir, ["help"]));

        Assert.Contains(error.Errors, e => e.StartsWith(Path.Combine(_dir, "questions.yaml") + ":", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("template 'help' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_are_filled_by_name()
    {
        Write("questions.yaml", "skip: [不知道]\nasof_cues: [按]\nquestions: {}\n");
        Write("responses.yaml", "responses:\n  hello: \"{place}的{name}\"\n");

        var texts = DialogTexts.Load(_dir, []);

        Assert.Equal("巫山的见习补贴", texts.Say("hello", ("place", "巫山"), ("name", "见习补贴")));
    }

    private void Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        if (!File.Exists(Path.Combine(_dir, "referrals.yaml")))
        {
            File.WriteAllText(Path.Combine(_dir, "referrals.yaml"), "referrals: {}\n");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
