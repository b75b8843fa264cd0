using System.Runtime.CompilerServices;
using DictionaryEntry = BotAssistant.Language.Segmentation.DictionaryEntry;
using JiebaNet.Segmenter;

namespace BotAssistant.Language.Bench;

/// <summary>
/// jieba.NET 0.42.2 beside our segmenter. It holds one dictionary per process (loaded when its segmenter type is
/// first used), so a process measures one cold load at most; the start-up figures come from fresh processes.
/// </summary>
public static class JiebaSide
{
    /// <summary>
    /// jieba.NET falls back to an empty dictionary when dict.txt is missing, which would make it look fast; the folder is
    /// named before any of its types reads it, and a missing file stops the run.
    /// </summary>
    public static void Configure()
    {
        // BenchmarkDotNet's own build of this project copies Resources next to its program too.
        var dir = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (!File.Exists(Path.Combine(dir, "dict.txt")))
        {
            throw new InvalidOperationException($"{dir}/dict.txt not found: the bench copies jieba.NET's Resources into its output; rebuild it.");
        }

        ConfigManager.ConfigFileBaseDir = dir;
    }

    /// <summary>A ready jieba with the user words loaded through its own file loader, checked to have loaded.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JiebaSegmenter Create(string userDictionaryFile)
    {
        var jieba = new JiebaSegmenter();
        jieba.LoadUserDict(userDictionaryFile);
        if (!WordDictionary.Instance.ContainsWord("就业"))
        {
            throw new InvalidOperationException("jieba.NET's dictionary did not load from " + ConfigManager.MainDictFile);
        }

        return jieba;
    }

    /// <summary>The model's vocabulary in jieba's user-dictionary format, the same words and frequencies our dictionary has.</summary>
    public static string WriteUserDictionary(IEnumerable<DictionaryEntry> words, string path)
    {
        File.WriteAllLines(path, words.Select(w => $"{w.Word} {w.Frequency} {w.Tag}"));
        return path;
    }

    public static bool Knows(string word) => WordDictionary.Instance.ContainsWord(word);
}
