using System.Net;
using System.Security.Cryptography;
using BotAssistant.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace BotAssistant.Web.Tests.Runtime;

public sealed class BotAuthenticationTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly FakeOpenIdHandler _openId = new();
    private readonly BotHostFactory _factory;

    public BotAuthenticationTests() => _factory = new BotHostFactory().WithAuth(_openId, AppId);

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_replies_carry_our_own_token()
    {
        var client = _factory.CreateClient();
        var token = _openId.CreateToken(AppId, Activities.ServiceUrl);

        using var response = await Activities.PostAsync(client, Activities.Message("你好"), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (request, _) = Assert.Single(_factory.Channel.Received);
        Assert.Equal("Bearer outgoing-token", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task The_outgoing_token_is_fetched_once_and_reused()
    {
        var client = _factory.CreateClient();
        var token = _openId.CreateToken(AppId, Activities.ServiceUrl);
        for (var i = 0; i < 3; i++)
        {
            using var response = await Activities.PostAsync(client, Activities.Message("x"), token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(1, _openId.TokenRequests);
    }

    public static TheoryData<string> BadTokens => ["missing", "expired", "audience", "issuer", "key", "serviceUrl", "garbage", "hs256"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_get_401_and_the_bot_never_runs(string kind)
    {
        var client = _factory.CreateClient();
        using var otherKey = RSA.Create(2048);
        string? token = kind switch
        {
            "missing" => null,
            "expired" => _openId.CreateToken(AppId, Activities.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            "audience" => _openId.CreateToken("someone-else", Activities.ServiceUrl),
            "issuer" => _openId.CreateToken(AppId, Activities.ServiceUrl, issuer: "https://evil.test"),
            "key" => _openId.CreateToken(AppId, Activities.ServiceUrl, signingKey: new RsaSecurityKey(otherKey) { KeyId = "test-key" }),
            "serviceUrl" => _openId.CreateToken(AppId, "http://elsewhere.test/"),
            "hs256" => HmacToken(),
            _ => "not.a.jwt",
        };

        using var response = await Activities.PostAsync(client, Activities.Message("x", DeliveryModes.ExpectReplies), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_factory.Channel.Received);
    }

    [Fact]
    public async Task Expiry_allows_five_minutes_of_clock_skew()
    {
        var client = _factory.CreateClient();
        var token = _openId.CreateToken(AppId, Activities.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3));

        using var response = await Activities.PostAsync(client, Activities.Message("x", DeliveryModes.ExpectReplies), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string HmacToken()
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = FakeOpenIdHandler.Issuer,
            Audience = AppId,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _openId.Dispose();
    }
}
