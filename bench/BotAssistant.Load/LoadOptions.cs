using System.Globalization;

namespace BotAssistant.Load;

internal sealed record LoadOptions(string Url, int Pid, int Conversations, int Turns, string Channel, string Secret, int Active)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var channel = values.GetValueOrDefault("channel", "both");
        if (channel is not ("both" or "messages" or "directline"))
        {
            throw new ArgumentException("--channel is both, messages or directline.");
        }

        return new LoadOptions(
            values.GetValueOrDefault("url", "http://127.0.0.1:5080"), Number("pid", 0), Number("conversations", 200), Number("turns", 20),
            channel, values.GetValueOrDefault("secret", "load-secret"), Number("active", 1000));
    }
}
