using System.Globalization;
using System.Security.Cryptography;

namespace BotAssistant.Bot.Schema;

/// <summary>
/// Ids and ETags unique across processes without a random draw per id: a random 64-bit prefix chosen once per
/// process and a counter. A new Guid costs a system call for randomness on every turn; these are neither secret nor
/// guessable in a way that matters (they name replies and versions, they grant nothing).
/// </summary>
public static class UniqueIds
{
    private static readonly string Prefix = RandomPrefix();
    private static long _counter;

    /// <summary>32 lowercase hex digits, like a Guid in "N" format.</summary>
    public static string Next() =>
        string.Concat(Prefix, Interlocked.Increment(ref _counter).ToString("x16", CultureInfo.InvariantCulture));

    private static string RandomPrefix()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
