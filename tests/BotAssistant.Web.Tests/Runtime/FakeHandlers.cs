using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BotAssistant.Bot.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotAssistant.Web.Tests.Runtime;

/// <summary>Stands in for a channel's serviceUrl: records each POST and answers with a resource id.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, Activity Activity)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((request, BotJson.Deserialize<Activity>(body)!));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":"r1"}""", Encoding.UTF8, "application/json"),
        };
    }
}

/// <summary>
/// An in-process identity provider: OpenID metadata, a JWKS with our own RSA key, and a client-credentials token
/// endpoint. Tokens it forges are valid or broken on purpose.
/// </summary>
public sealed class FakeOpenIdHandler : HttpMessageHandler
{
    public const string MetadataUrl = "http://login.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "http://login.test/v1/keys";
    public const string TokenUrl = "http://login.test/token";
    public const string Issuer = "https://api.botframework.test";

    private readonly RSA _rsa = RSA.Create(2048);

    public FakeOpenIdHandler() => Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

    public RsaSecurityKey Key { get; }

    public int TokenRequests { get; private set; }

    public string CreateToken(
        string audience, string? serviceUrl = null, string issuer = Issuer, DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var notBefore = expires is { } e && e < now ? e.AddHours(-1) : now.AddMinutes(-1);
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? "" };
        if (serviceUrl is null)
        {
            claims.Clear();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        var json = url switch
        {
            MetadataUrl => $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{JwksUrl}}","id_token_signing_alg_values_supported":["RS256"]}""",
            JwksUrl => Jwks(),
            TokenUrl => Token(),
            _ => null,
        };
        return Task.FromResult(json is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    private string Token()
    {
        TokenRequests++;
        return """{"token_type":"Bearer","expires_in":3600,"access_token":"outgoing-token"}""";
    }

    private string Jwks()
    {
        var p = _rsa.ExportParameters(false);
        return $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"test-key","alg":"RS256","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
