using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BotAssistant.Web.Channels.DirectLine;
using BotAssistant.Web.Channels.DirectLine.Tokens;
using BotAssistant.Web.Tests.Channels;
using BotAssistant.Web.Tests.Runtime;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Tests.BadInput;

/// <summary>Forged and expired credentials on /api/messages and Direct Line are refused with 401/403.</summary>
public sealed class AuthBadInputTests : IDisposable
{
    private const string AppId = "bad-input-app";
    private readonly FakeOpenIdHandler _openId = new();
    private readonly BotHostFactory _bot;
    private readonly ChannelHostFactory _channels = new();

    public AuthBadInputTests() => _bot = new BotHostFactory().WithAuth(_openId, AppId);

    public static TheoryData<string> ForgedJwts => new()
    {
        "not-a-jwt",
        "eyJhbGciOiJub25lIn0.eyJhdWQiOiJiYWQtaW5wdXQtYXBwIn0.",
        "a.b.c",
        new string('A', 20_000),
    };

    [Theory]
    [MemberData(nameof(ForgedJwts))]
    public async Task Malformed_or_unsigned_jwt_is_401(string token)
    {
        using var response = await Activities.PostAsync(_bot.CreateClient(), Activities.Message("你好"), token);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Jwt_signed_by_another_key_is_401()
    {
        using var rsa = RSA.Create(2048);
        var forged = _openId.CreateToken(AppId, Activities.ServiceUrl, signingKey: new RsaSecurityKey(rsa) { KeyId = "test-key" });
        using var response = await Activities.PostAsync(_bot.CreateClient(), Activities.Message("你好"), forged);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_jwt_is_401()
    {
        var expired = _openId.CreateToken(AppId, Activities.ServiceUrl, expires: DateTime.UtcNow.AddHours(-2));
        using var response = await Activities.PostAsync(_bot.CreateClient(), Activities.Message("你好"), expired);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_forged_or_expired_direct_line_tokens_are_refused()
    {
        var client = _channels.CreateClient();
        var (conversationId, token) = await DirectLineProtocolTests.StartAsync(client);
        var forged = new DirectLineTokens(Options.Create(new DirectLineOptions { Secret = "another-secret" }), TimeProvider.System)
            .Issue(conversationId, "dl_test_user");
        var expired = new DirectLineTokens(
            Options.Create(new DirectLineOptions { Secret = ChannelHostFactory.Secret, TokenLifetimeMinutes = 30 }),
            new ManualClock(DateTimeOffset.UtcNow.AddHours(-3))).Issue(conversationId, "dl_test_user");
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var credential in new[] { "wrong", forged, expired, tampered, "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = new StringContent("""{"type":"message","text":"你好"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            using var response = await client.SendAsync(request);
            await Refusals.AssertRefusedAsync(response, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("""{"type":"message","text":""")]
    [InlineData("""{"type":42}""")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_direct_line_activities_are_400(string body)
    {
        var client = _channels.CreateClient();
        var (conversationId, token) = await DirectLineProtocolTests.StartAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_10_MB_direct_line_activity_is_413()
    {
        var client = _channels.CreateClient();
        var (conversationId, token) = await DirectLineProtocolTests.StartAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent("{\"type\":\"message\",\"text\":\"" + new string('x', 10 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    public void Dispose()
    {
        _bot.Dispose();
        _channels.Dispose();
        _openId.Dispose();
    }
}
