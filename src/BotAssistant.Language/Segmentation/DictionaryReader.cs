using System.Globalization;

namespace BotAssistant.Language.Segmentation;

/// <summary>Reads jieba's "word freq tag" lines (freq and tag optional). Any bad line is an error naming file and line.</summary>
public static class DictionaryReader
{
    /// <summary>Frequency given to a word listed without one, and to caller vocabulary.</summary>
    public const long DefaultFrequency = 3000;

    public static IReadOnlyList<DictionaryEntry> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new LexiconException($"{path}: dictionary file not found");
        }

        return Read(File.ReadLines(path), path);
    }

    public static IReadOnlyList<DictionaryEntry> Read(IEnumerable<string> lines, string sourceName)
    {
        var result = new List<DictionaryEntry>();
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            result.Add(ParseLine(line, sourceName, lineNo));
        }

        return result;
    }

    private static DictionaryEntry ParseLine(string line, string source, int lineNo)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 3)
        {
            throw new LexiconException($"{source}:{lineNo}: expected \"word [freq] [tag]\", got {parts.Length} fields");
        }

        var freq = DefaultFrequency;
        if (parts.Length >= 2 && (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out freq) || freq <= 0))
        {
            throw new LexiconException($"{source}:{lineNo}: frequency \"{parts[1]}\" is not a positive integer");
        }

        var tag = parts.Length == 3 ? parts[2] : "";
        if (tag.Length > 0 && !tag.All(char.IsAsciiLetterOrDigit))
        {
            throw new LexiconException($"{source}:{lineNo}: tag \"{tag}\" must be ASCII letters or digits");
        }

        return new DictionaryEntry(parts[0], freq, tag);
    }
}

public sealed class LexiconException(string message, Exception? inner = null) : Exception(message, inner);
