using System.Net;

namespace BotAssistant.Web.Tests.BadInput;

internal static class Refusals
{
    /// <summary>A 4xx (or the given success code) with a body that shows no exception or stack trace.</summary>
    public static async Task<string> AssertRefusedAsync(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(
            allowed.Contains(response.StatusCode) || (allowed.Length == 0 && status is >= 400 and < 500),
            $"Expected {(allowed.Length == 0 ? "a 4xx" : string.Join('/', allowed))}, got {status}: {Cut(body)}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return body;
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] : body;
}
