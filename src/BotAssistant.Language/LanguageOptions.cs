namespace BotAssistant.Language;

public sealed record LanguageOptions
{
    /// <summary>Folder with base.txt, t2s.txt and the *.yaml word lists (knowledge/lexicon).</summary>
    public required string LexiconDirectory { get; init; }

    /// <summary>Deployment dictionaries in jieba's "word freq tag" format, loaded after the lexicon.</summary>
    public IReadOnlyList<string> ExtraDictionaryPaths { get; init; } = [];

    /// <summary>Longer messages are cut to this many characters and marked Truncated: a bound against abuse, well above the long stories people write on WeChat.</summary>
    public int MaxInputChars { get; init; } = 4000;
}
