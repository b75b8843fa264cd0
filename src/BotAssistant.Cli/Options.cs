using BotAssistant.Policies;

namespace BotAssistant.Cli;

/// <summary>
/// Hand-parsed command line: one verb, positional arguments and --name value options. An option
/// followed by another option has no value (so "--place --json" is an error, not place "--json").
/// </summary>
internal sealed record Options(string Verb, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string?> Named)
{
    private static readonly HashSet<string> Flags = ["json", "help"];

    public static Options Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }

            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq > 0)
            {
                named[name[..eq]] = name[(eq + 1)..];
            }
            else if (Flags.Contains(name) || i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                named[name] = null;
            }
            else
            {
                named[name] = args[++i];
            }
        }

        var verb = positional.Count > 0 ? positional[0] : "help";
        return new Options(verb, positional.Skip(1).ToList(), named);
    }

    public bool Flag(string name) => Named.ContainsKey(name);

    /// <summary>The value of --name; "--place" at the end with nothing after it is a usage error, not "no filter".</summary>
    public string? Value(string name) => Named.TryGetValue(name, out var value) && value is null && !Flags.Contains(name)
        ? throw new UsageException($"--{name} needs a value")
        : value;

    /// <summary>--knowledge, else the knowledge/ beside BotAssistant.sln above the current directory.</summary>
    public string KnowledgeDirectory =>
        Value("knowledge") ?? (RepoRoot is { } root ? Path.Combine(root, "knowledge") : "knowledge");

    /// <summary>--sources, else &lt;knowledge&gt;/sources: quotes are always checked, and a missing folder is an error.</summary>
    public string SourcesDirectory => Flag("seeds")
        ? throw new UsageException("--seeds is now --sources (default: the knowledge folder's sources/)")
        : Path.GetFullPath(Value("sources") ?? CatalogLoader.DefaultSourcesDirectory(KnowledgeDirectory));

    private static string? RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
