using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BotAssistant.Web.Tests.Channels;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.BadInput;

/// <summary>
/// Refusals are RFC 7807 problem details (application/problem+json) in words a person can act on; the .NET exception
/// behind them (its message, its type) stays in the log.
/// </summary>
public sealed class ProblemBodyTests : IDisposable
{
    private const string AppId = "problem-app";
    private static readonly string[] ExceptionText = ["DtdProcessing", "XmlReaderSettings", "Exception", "System.", "IDX", "   at "];
    private readonly FakeOpenIdHandler _openId = new();
    private readonly ChannelHostFactory _channels = new();

    public static TheoryData<string> BadXml => new()
    {
        """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>&a;</Content></xml>""",
        """<!DOCTYPE xml SYSTEM "http://example.org/x.dtd"><xml/>""",
        "<xml><Content>unclosed",
        "not xml",
        "<other/>",
    };

    [Theory]
    [MemberData(nameof(BadXml))]
    public async Task Bad_wechat_xml_is_a_400_problem_without_exception_text(string xml)
    {
        using var response = await new WeChatClient(_channels.CreateClient()).PostPlainAsync(xml);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("XML", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_wechat_signature_is_a_403_problem()
    {
        using var response = await new WeChatClient(_channels.CreateClient()).PostPlainAsync(WeChatClient.TextXml("你好", 1), signature: new string('0', 40));
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task A_missing_or_bad_bearer_token_on_api_messages_is_a_401_problem(string? token)
    {
        using var factory = new BotHostFactory().WithAuth(_openId, AppId);
        using var response = await Activities.PostAsync(factory.CreateClient(), Activities.Message("你好"), token);
        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("bearer token", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The metadata cannot be fetched: IdentityModel throws InvalidOperationException, which once reached the body.</summary>
    [Fact]
    public async Task Unreachable_signing_keys_do_not_name_the_exception()
    {
        using var factory = new BotHostFactory().WithAuth(_openId, AppId).With("Bot:OpenIdMetadataUrl", "http://login.test/no-such-metadata");
        using var response = await Activities.PostAsync(factory.CreateClient(), Activities.Message("你好"), _openId.CreateToken(AppId, Activities.ServiceUrl));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("InvalidOperation", body, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.All(ExceptionText, text => Assert.DoesNotContain(text, body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"message","text":{"not":"a string"}}""")]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    public async Task A_malformed_activity_is_a_400_problem_without_serializer_text(string json)
    {
        using var factory = new BotHostFactory();
        using var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("System", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-secret", HttpStatusCode.Forbidden)]
    public async Task Direct_line_refusals_are_problems_that_keep_direct_lines_error_object(string? credential, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        using var response = await _channels.CreateClient().SendAsync(request);
        var problem = await AssertProblemAsync(response, status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_catalog_evaluation_with_a_wrongly_typed_body_names_no_dotnet_type()
    {
        using var response = await _channels.CreateClient().PostAsync(
            "/api/catalog/evaluate", new StringContent("""{"facts": {"place": "平凉"}, "asOf": ["2023"]}""", Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("System", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.All(ExceptionText, text => Assert.DoesNotContain(text, body, StringComparison.Ordinal));
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public void Dispose()
    {
        _channels.Dispose();
        _openId.Dispose();
    }
}
