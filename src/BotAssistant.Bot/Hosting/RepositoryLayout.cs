namespace BotAssistant.Bot.Hosting;

/// <summary>
/// Where the repository's data lives. The root is the first directory, walking up, that holds both
/// appsettings.json and knowledge/, so the host finds it from `dotnet run`, from test output folders and from bin.
/// </summary>
public sealed class RepositoryLayout
{
    public const string SettingsFileName = "appsettings.json";

    public RepositoryLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string AppSettingsPath => Path.Combine(Root, SettingsFileName);

    public string KnowledgeDirectory => Path.Combine(Root, "knowledge");

    public string DialogsDirectory => Path.Combine(Root, "dialogs");

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>A path from configuration: absolute as given, relative to the root otherwise.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    public static RepositoryLayout? TryLocate(params string?[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SettingsFileName)) && Directory.Exists(Path.Combine(dir.FullName, "knowledge")))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }

        return null;
    }

    public static RepositoryLayout Locate(params string?[] startDirectories) =>
        TryLocate(startDirectories) ?? throw new InvalidOperationException(
            $"Could not find the repository root (a directory holding both {SettingsFileName} and knowledge/) above "
            + string.Join(" or ", startDirectories.Where(s => !string.IsNullOrEmpty(s)))
            + ". Run from inside the repository.");
}
