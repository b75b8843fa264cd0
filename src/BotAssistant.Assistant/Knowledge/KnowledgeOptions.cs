namespace BotAssistant.Assistant.Knowledge;

/// <summary>Configuration section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder; relative paths are from the repository root.</summary>
    public string Directory { get; set; } = "knowledge";

    /// <summary>
    /// The source documents every quote is checked against at load; relative paths are from <see cref="Directory"/>.
    /// A missing folder or file stops the host (and fails a reload).
    /// </summary>
    public string SourcesDirectory { get; set; } = "sources";

    /// <summary>The sources folder for a resolved knowledge folder.</summary>
    public string ResolveSources(string knowledgeDirectory) =>
        Path.GetFullPath(Path.Combine(knowledgeDirectory, string.IsNullOrWhiteSpace(SourcesDirectory) ? "sources" : SourcesDirectory));

    /// <summary>Deployment dictionaries in jieba's "word freq tag" format.</summary>
    public IList<string> ExtraDictionaries { get; set; } = [];

    /// <summary>Messages longer than this are cut, with a note to the user.</summary>
    public int MaxInputChars { get; set; } = 4000;

    /// <summary>Watch the knowledge folder and swap in a new catalog when a file changes (invalid edits keep the old one).</summary>
    public bool ReloadOnChange { get; set; } = true;
}
