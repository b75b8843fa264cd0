namespace BotAssistant.Policies.Loading;

/// <summary>
/// The folder of source documents that <c>seed:</c> names, read on demand and normalized for the quote check.
/// A missing folder or file is an error, never a reason to skip the check.
/// </summary>
internal sealed class SourceDocuments
{
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);

    private SourceDocuments(string directory, bool exists)
    {
        Directory = directory;
        Exists = exists;
    }

    public string Directory { get; }

    public bool Exists { get; }

    /// <summary>Opens <paramref name="directory"/>, reporting once when it does not exist.</summary>
    public static SourceDocuments Open(string directory, List<CatalogError> errors)
    {
        var full = Path.GetFullPath(directory);
        var exists = System.IO.Directory.Exists(full);
        if (!exists)
        {
            errors.Add(new CatalogError(full, 0,
                "sources directory not found (it holds the documents that 'seed:' names; set Knowledge:SourcesDirectory or --sources)"));
        }

        return new SourceDocuments(full, exists);
    }

    /// <summary>The normalized text of <paramref name="seed"/>, or null after reporting why it cannot be read.</summary>
    public string? Text(string seed, FileContext ctx, int line)
    {
        if (seed.Length == 0 || Path.GetFileName(seed) != seed)
        {
            ctx.Error(line, $"document: seed '{seed}' must be a file name in {Directory}, not a path");
            return null;
        }

        if (!_texts.TryGetValue(seed, out var text))
        {
            text = Read(Path.Combine(Directory, seed));
            _texts[seed] = text;
        }

        if (text is null)
        {
            ctx.Error(line, Exists
                ? $"document: seed file '{seed}' not found in {Directory}"
                : $"document: seed file '{seed}' not found: sources directory {Directory} does not exist");
        }

        return text;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? SeedText.Normalize(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
