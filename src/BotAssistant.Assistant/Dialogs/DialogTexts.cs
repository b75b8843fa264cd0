using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Assistant.Dialogs;

/// <summary>How one fact is asked: the question, its choices (key → label), the retry, and phrases that answer it unprompted.</summary>
/// <param name="About">Words naming what a yes/no fact is about (贷款, 残疾): negated, they answer 否 (没贷过款, 不是残疾人).</param>
/// <param name="Unlike">Things people take for what is asked and are not (商业意外险 for 社保, 低保户 for 脱贫户): named in
/// answer instead of it, they answer "none" and are said back.</param>
/// <param name="AskByRole">The question worded for an employer or an individual, where the general one says "招用人员（或您本人）".</param>
public sealed record QuestionText(
    string Fact,
    string Ask,
    string? Retry,
    IReadOnlyList<KeyValuePair<string, string>> Choices,
    IReadOnlyList<string> SaysYes,
    IReadOnlyList<string> SaysNo,
    IReadOnlyList<string> About,
    IReadOnlyDictionary<string, string> AskByRole,
    IReadOnlyList<string> Unlike)
{
    public string AskFor(string? role) => role is not null && AskByRole.TryGetValue(role, out var worded) ? worded : Ask;
}

/// <summary>An out-of-scope domain and where to send it (dialogs/referrals.yaml).</summary>
public sealed record Referral(string Domain, string Name, IReadOnlyList<string> Words, string Office, string Hotline)
{
    /// <summary>Words in the names of our own measures that bear on the domain (医疗保险: 失业人员代缴基本医疗保险费).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}

public sealed class DialogTextException(IReadOnlyList<string> errors)
    : Exception("dialogs/ is invalid:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Everything the assistant says, read from dialogs/: the question bank (questions.yaml) and the response
/// templates (responses.yaml). Templates use {name} placeholders; a missing template is a load error, not a blank reply.
/// </summary>
public sealed class DialogTexts
{
    private readonly IReadOnlyDictionary<string, string> _templates;

    private DialogTexts(
        IReadOnlyDictionary<string, QuestionText> questions, IReadOnlyDictionary<string, string> templates,
        IReadOnlyList<string> skipWords, IReadOnlyList<string> asOfCues, IReadOnlyList<Referral> referrals)
    {
        Referrals = referrals;
        Questions = questions;
        _templates = templates;
        SkipWords = skipWords;
        AsOfCues = asOfCues;
    }

    public IReadOnlyDictionary<string, QuestionText> Questions { get; }

    /// <summary>Answers that leave the question open: "不知道", "跳过".</summary>
    public IReadOnlyList<string> SkipWords { get; }

    /// <summary>Words that make a date in the message the as-of date: "按2023年的政策算".</summary>
    public IReadOnlyList<string> AsOfCues { get; }

    /// <summary>Domains the assistant does not cover, with their office and hotline.</summary>
    public IReadOnlyList<Referral> Referrals { get; }

    public static DialogTexts Load(string directory, IEnumerable<string> requiredTemplates)
    {
        var errors = new List<string>();
        var questionsPath = Path.Combine(directory, "questions.yaml");
        var questions = ReadQuestions(questionsPath, errors);
        var templates = ReadTemplates(Path.Combine(directory, "responses.yaml"), errors);
        var skip = TopList(questionsPath, "skip", errors);
        var asOfCues = TopList(questionsPath, "asof_cues", errors);
        var referrals = ReadReferrals(Path.Combine(directory, "referrals.yaml"), errors);
        errors.AddRange(requiredTemplates.Where(k => !templates.ContainsKey(k)).Select(k => $"responses.yaml: template '{k}' is missing"));
        return errors.Count > 0 ? throw new DialogTextException(errors) : new DialogTexts(questions, templates, skip, asOfCues, referrals);
    }

    /// <summary>The template with its {placeholders} filled; unknown placeholders stay visible so a test catches them.</summary>
    public string Say(string key, params (string Name, object? Value)[] values)
    {
        var text = _templates.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"response template '{key}'");
        if (values.Length == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        foreach (var (name, value) in values)
        {
            sb.Replace("{" + name + "}", value?.ToString() ?? "");
        }

        return sb.ToString();
    }

    public bool Has(string key) => _templates.ContainsKey(key);

    private static Dictionary<string, QuestionText> ReadQuestions(string path, List<string> errors)
    {
        var result = new Dictionary<string, QuestionText>(StringComparer.Ordinal);
        if (Root(path, "questions", errors) is not { } map)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var fact = keyNode.ToString();
            if (valueNode is not YamlMappingNode q)
            {
                errors.Add(At(path, valueNode, $"question '{fact}' must be a mapping"));
                continue;
            }

            foreach (var unknown in q.Children.Keys.Where(k => !QuestionKeys.Contains(k.ToString())))
            {
                errors.Add(At(path, unknown, $"question '{fact}': unknown key '{unknown}' (allowed: {string.Join(", ", QuestionKeys)})"));
            }

            var ask = Scalar(q, "ask");
            if (string.IsNullOrWhiteSpace(ask))
            {
                errors.Add(At(path, q, $"question '{fact}' has no 'ask'"));
                continue;
            }

            var byRole = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var role in new[] { "employer", "individual" })
            {
                if (Scalar(q, "ask_" + role) is { Length: > 0 } worded)
                {
                    byRole[role] = worded;
                }
            }

            result[fact] = new QuestionText(
                fact, ask, Scalar(q, "retry"), Pairs(q, "choices"), List(q, "yes"), List(q, "no"), List(q, "about"), byRole, List(q, "unlike"));
        }

        return result;
    }

    private static readonly string[] QuestionKeys = ["ask", "ask_employer", "ask_individual", "retry", "choices", "yes", "no", "about", "unlike"];

    private static List<Referral> ReadReferrals(string path, List<string> errors)
    {
        var result = new List<Referral>();
        if (Root(path, "referrals", errors) is not { } map)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var domain = keyNode.ToString();
            if (valueNode is not YamlMappingNode r)
            {
                errors.Add(At(path, valueNode, $"referral '{domain}' must be a mapping"));
                continue;
            }

            var (name, office, hotline, words) = (Scalar(r, "name"), Scalar(r, "office"), Scalar(r, "hotline"), List(r, "words"));
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(office) || string.IsNullOrWhiteSpace(hotline) || words.Count == 0)
            {
                errors.Add(At(path, r, $"referral '{domain}' needs name, words, office and hotline"));
                continue;
            }

            result.Add(new Referral(domain, name, words, office, hotline) { Related = List(r, "related") });
        }

        return result;
    }

    private static Dictionary<string, string> ReadTemplates(string path, List<string> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Root(path, "responses", errors) is not { } map)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (valueNode is YamlScalarNode { Value: { Length: > 0 } text })
            {
                result[keyNode.ToString()] = text.TrimEnd('\n');
            }
            else
            {
                errors.Add(At(path, valueNode, $"template '{keyNode}' must be non-empty text"));
            }
        }

        return result;
    }

    private static List<string> TopList(string path, string key, List<string> errors)
    {
        var top = Top(path, errors);
        if (top is not null && top.Children.TryGetValue(key, out var node) && node is YamlSequenceNode seq)
        {
            return seq.Children.Select(c => c.ToString()).Where(w => w.Length > 0).ToList();
        }

        if (top is not null)
        {
            errors.Add($"{path}:1: expected a top-level '{key}:' list");
        }

        return [];
    }

    private static YamlMappingNode? Root(string path, string rootKey, List<string> errors)
    {
        var top = Top(path, errors);
        if (top is null)
        {
            return null;
        }

        if (top.Children.TryGetValue(rootKey, out var node) && node is YamlMappingNode map)
        {
            return map;
        }

        errors.Add($"{path}:1: expected a top-level '{rootKey}:' mapping");
        return null;
    }

    private static YamlMappingNode? Top(string path, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{path}: file not found");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode top)
            {
                return top;
            }

            errors.Add($"{path}:1: expected a mapping at the top");
        }
        catch (YamlException ex)
        {
            errors.Add($"{path}:{ex.Start.Line}: {ex.Message}");
        }

        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    private static List<string> List(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && v is YamlSequenceNode s ? s.Children.Select(c => c.ToString()).ToList() : [];

    /// <summary>choices: either a list of labels (the label is the key) or a mapping key → label.</summary>
    private static List<KeyValuePair<string, string>> Pairs(YamlMappingNode node, string key)
    {
        if (!node.Children.TryGetValue(key, out var v))
        {
            return [];
        }

        return v switch
        {
            YamlMappingNode m => m.Children.Select(c => new KeyValuePair<string, string>(c.Key.ToString(), c.Value.ToString())).ToList(),
            YamlSequenceNode s => s.Children.Select(c => new KeyValuePair<string, string>(c.ToString(), c.ToString())).ToList(),
            _ => [],
        };
    }

    private static string At(string path, YamlNode node, string message) => $"{path}:{node.Start.Line}: {message}";
}
