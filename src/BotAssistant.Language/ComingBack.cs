namespace BotAssistant.Language;

/// <summary>
/// Words of coming back home (回来, 回到, 回老家, 返乡): the place and the work told before them are the time before.
/// One list for the language layer (a place one worked at is in passing) and the facts read from it (work away is not
/// work now).
/// </summary>
public static class ComingBack
{
    private static readonly string[] Words = ["回来", "回到", "回~老家", "回~家乡", "返乡", "回乡"];

    public static bool SaidIn(string text) => Words.Any(w => GappedPhrase.Contains(text, w));
}
