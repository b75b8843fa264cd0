using Microsoft.AspNetCore.Http.HttpResults;

namespace BotAssistant.Web.CatalogApi;

/// <summary>
/// The hand-maintained OpenAPI description of /api/catalog (CatalogApi/openapi.json, embedded). A test checks every
/// documented path against the real routes and every catalog route against the document, so the two cannot drift.
/// </summary>
public static class OpenApiDocument
{
    public const string ResourceName = "BotAssistant.Web.CatalogApi.openapi.json";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[] Content => Bytes.Value;

    internal static FileContentHttpResult Serve() => TypedResults.File(Content, "application/json; charset=utf-8");
}
