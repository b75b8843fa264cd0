using BotAssistant.Policies;

namespace BotAssistant.Cli;

internal static class CommandLine
{
    private const string Usage = """
        usage: catalog <command> [options]
          validate [--knowledge DIR] [--sources DIR]      check every knowledge file and quote; exit 1 on errors
          list [--place P] [--audience A] [--topic T] [--json]
          show ID [--json]                                one measure in full
          eval FACTS.yaml [--as-of YYYY-MM-DD] [--place P] [--json]
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args);
        try
        {
            return options.Verb switch
            {
                "validate" => Validate(options, output, error),
                "list" => new Commands(Load(options), output).List(options),
                "show" => new Commands(Load(options), output).Show(options),
                "eval" => new Commands(Load(options), output).Eval(options),
                _ => Help(options, output, error),
            };
        }
        catch (CatalogValidationException ex)
        {
            PrintErrors(ex.Errors, error);
            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UsageException)
        {
            error.WriteLine($"catalog: {ex.Message}");
            return 2;
        }
    }

    private static int Help(Options options, TextWriter output, TextWriter error)
    {
        var asked = options.Verb is "help" or "--help" || options.Flag("help");
        (asked ? output : error).WriteLine(Usage);
        return asked ? 0 : 2;
    }

    private static Catalog Load(Options options) =>
        CatalogLoader.Load(options.KnowledgeDirectory, options.SourcesDirectory);

    private static int Validate(Options options, TextWriter output, TextWriter error)
    {
        var sources = options.SourcesDirectory;
        var (catalog, errors) = CatalogLoader.TryLoad(options.KnowledgeDirectory, sources);
        if (errors.Count > 0)
        {
            PrintErrors(errors, error);
            error.WriteLine($"{errors.Count} error(s).");
            return 1;
        }

        output.WriteLine(
            $"OK: {catalog!.Documents.Count} documents, {catalog.Measures.Count} measures, {catalog.Facts.Count} facts"
            + $", quotes checked against {sources}");
        return 0;
    }

    private static void PrintErrors(IEnumerable<CatalogError> errors, TextWriter error)
    {
        var cwd = Directory.GetCurrentDirectory();
        foreach (var e in errors)
        {
            error.WriteLine($"{Path.GetRelativePath(cwd, e.File)}:{e.Line}: {e.Message}");
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
