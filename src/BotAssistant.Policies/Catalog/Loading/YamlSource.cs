using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Parses a YAML file into a node tree with line numbers, reporting syntax errors and duplicate keys.</summary>
internal static class YamlSource
{
    public static YamlNode? Load(string text, FileContext context)
    {
        // Duplicate keys are scanned first so each one gets its own line in the report;
        // the representation model would stop at the first.
        var duplicates = FindDuplicateKeys(text, context);
        if (duplicates > 0)
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            context.Error((int)ex.Start.Line, $"YAML syntax error: {Describe(ex)}");
            return null;
        }
    }

    private static int FindDuplicateKeys(string text, FileContext context)
    {
        var found = 0;
        var lastLine = 1;
        var stack = new Stack<(HashSet<string>? Keys, bool ExpectKey)>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                lastLine = (int)parser.Current!.End.Line;
                found += Visit(parser.Current!, stack, context);
            }
        }
        catch (YamlException ex)
        {
            context.Error((int)ex.Start.Line, $"YAML syntax error: {Describe(ex)}");
            found++;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections, without a position.
            context.Error(lastLine, "YAML syntax error after this line (unclosed [ or { ?)");
            found++;
        }

        return found;
    }

    private static int Visit(ParsingEvent e, Stack<(HashSet<string>? Keys, bool ExpectKey)> stack, FileContext context)
    {
        var isKey = stack.Count > 0 && stack.Peek().Keys is not null && stack.Peek().ExpectKey;
        var duplicate = 0;
        if (isKey && e is Scalar key && !stack.Peek().Keys!.Add(key.Value))
        {
            context.Error((int)e.Start.Line, $"duplicate key '{key.Value}'");
            duplicate = 1;
        }

        if (e is Scalar or AnchorAlias or MappingStart or SequenceStart)
        {
            Flip(stack);
        }

        if (e is MappingStart)
        {
            stack.Push((new HashSet<string>(StringComparer.Ordinal), true));
        }
        else if (e is SequenceStart)
        {
            stack.Push((null, false));
        }
        else if (e is MappingEnd or SequenceEnd)
        {
            stack.Pop();
        }

        return duplicate;
    }

    // Inside a mapping, nodes alternate key, value, key…; a nested collection counts as one node.
    private static void Flip(Stack<(HashSet<string>? Keys, bool ExpectKey)> stack)
    {
        if (stack.Count > 0 && stack.Peek().Keys is not null)
        {
            var top = stack.Pop();
            stack.Push((top.Keys, !top.ExpectKey));
        }
    }

    private static string Describe(YamlException ex) =>
        ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
}
