namespace BotAssistant.Assistant.Knowledge;

/// <summary>Configuration section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder; relative paths are from the repository root.</summary>
    public string Directory { get; set; } = "knowledge";

    /// <summary>The source documents; when the folder exists, every quote is checked against them at load.</summary>
    public string SeedsDirectory { get; set; } = "../shared/seeds";

    /// <summary>Deployment dictionaries in jieba's "word freq tag" format.</summary>
    public IList<string> ExtraDictionaries { get; set; } = [];

    /// <summary>Messages longer than this are cut, with a note to the user.</summary>
    public int MaxInputChars { get; set; } = 4000;

    /// <summary>Watch the knowledge folder and swap in a new catalog when a file changes (invalid edits keep the old one).</summary>
    public bool ReloadOnChange { get; set; } = true;
}
