using BotAssistant.Language.Segmentation;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BotAssistant.Language.Lexicon;

/// <summary>Everything in knowledge/lexicon, loaded once.</summary>
public sealed record LexiconData(
    IReadOnlyList<DictionaryEntry> Words,
    NormalizationFile Normalization,
    PlacesFile Places,
    SynonymsFile Synonyms,
    AnswersFile Answers,
    SubjectsFile Subjects,
    IntentsFile Intents);

public static class LexiconLoader
{
    /// <summary>Loads every *.txt dictionary (sorted by name, base.txt first) and the YAML lists.</summary>
    public static LexiconData LoadDirectory(string lexiconDir)
    {
        if (!Directory.Exists(lexiconDir))
        {
            throw new LexiconException($"{lexiconDir}: lexicon directory not found");
        }

        var dictFiles = Directory.GetFiles(lexiconDir, "*.txt")
            .OrderBy(f => Path.GetFileName(f) == "base.txt" ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        var words = dictFiles.SelectMany(DictionaryReader.ReadFile).ToList();
        return new LexiconData(
            words,
            ReadYaml<NormalizationFile>(lexiconDir, "normalization.yaml"),
            ReadYaml<PlacesFile>(lexiconDir, "places.yaml"),
            ReadYaml<SynonymsFile>(lexiconDir, "synonyms.yaml"),
            ReadYaml<AnswersFile>(lexiconDir, "answers.yaml"),
            ReadYaml<SubjectsFile>(lexiconDir, "subjects.yaml"),
            ReadYaml<IntentsFile>(lexiconDir, "intents.yaml"));
    }

    internal static T ReadYaml<T>(string dir, string file)
        where T : new()
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            throw new LexiconException($"{path}: file not found");
        }

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        try
        {
            using var reader = File.OpenText(path);
            return deserializer.Deserialize<T>(reader) ?? new T();
        }
        catch (YamlException ex)
        {
            throw new LexiconException($"{path}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }
}
