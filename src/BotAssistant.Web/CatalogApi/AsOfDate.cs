using System.Globalization;

namespace BotAssistant.Web.CatalogApi;

/// <summary>The date policies are judged on: the asOf query parameter, else today in China.</summary>
public static class AsOfDate
{
    // China keeps one offset all year, so a fixed offset is exact and needs no tz database on the server.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
    }

    /// <summary>Null or empty means today; anything else must be yyyy-MM-dd.</summary>
    public static bool TryResolve(string? raw, TimeProvider clock, out DateOnly asOf)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            asOf = Today(clock);
            return true;
        }

        return DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public const string InvalidMessage = "日期格式应为 YYYY-MM-DD（asOf must be a date written yyyy-MM-dd）";
}
