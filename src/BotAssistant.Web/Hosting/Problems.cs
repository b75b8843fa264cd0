namespace BotAssistant.Web.Hosting;

/// <summary>
/// Refusals as RFC 7807 problem details (application/problem+json): the status's standard title and type, and a
/// detail a person can act on. Never exception text; that goes to the log.
/// </summary>
internal static class Problems
{
    public static IResult Of(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: extensions);

    /// <summary>Writes a problem outside an endpoint (exception handler, rate limiter).</summary>
    public static Task WriteAsync(HttpContext http, int status, string detail, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        return Of(status, detail, extensions).ExecuteAsync(http);
    }
}
