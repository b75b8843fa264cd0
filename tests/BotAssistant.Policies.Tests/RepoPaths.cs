namespace BotAssistant.Policies.Tests;

internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("BotAssistant.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Sources => Path.Combine(Knowledge, "sources");

    public static string Cases => Path.Combine(Root, "tests", "BotAssistant.Policies.Tests", "cases");
}
