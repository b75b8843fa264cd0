using System.Text.Json;
using BotAssistant.Web.CatalogApi;
using BotAssistant.Web.Tests.Runtime;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.CatalogApi;

/// <summary>The hand-written OpenAPI document and the real routes describe the same API.</summary>
public sealed class OpenApiDocumentTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task The_document_is_served_as_openapi_3_json()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/api/catalog/openapi.json", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_documented_operation_is_a_real_route_and_every_catalog_route_is_documented()
    {
        var documented = Documented();
        var routes = Routes().Where(r => r.Path.StartsWith(CatalogApiEndpoints.Prefix + "/", StringComparison.Ordinal)).ToHashSet();

        Assert.Empty(documented.Except(routes));
        Assert.Empty(routes.Except(documented));
        Assert.Contains(("POST", "/api/catalog/evaluate"), documented);
    }

    [Fact]
    public void Every_reference_in_the_document_resolves()
    {
        using var doc = JsonDocument.Parse(OpenApiDocument.Content);
        var refs = new List<string>();
        Collect(doc.RootElement, refs);

        Assert.NotEmpty(refs);
        foreach (var r in refs.Distinct())
        {
            var node = doc.RootElement;
            foreach (var part in r.TrimStart('#', '/').Split('/'))
            {
                Assert.True(node.TryGetProperty(part, out node), $"{r} does not resolve");
            }
        }
    }

    private static HashSet<(string Method, string Path)> Documented()
    {
        using var doc = JsonDocument.Parse(OpenApiDocument.Content);
        return doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (op.Name.ToUpperInvariant(), p.Name)))
            .ToHashSet();
    }

    private IEnumerable<(string Method, string Path)> Routes()
    {
        var sources = host.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var method in methods)
            {
                yield return (method, path);
            }
        }
    }

    private static void Collect(JsonElement e, List<string> refs)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "$ref")
                {
                    refs.Add(p.Value.GetString()!);
                }
                else
                {
                    Collect(p.Value, refs);
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Collect(item, refs);
            }
        }
    }
}
