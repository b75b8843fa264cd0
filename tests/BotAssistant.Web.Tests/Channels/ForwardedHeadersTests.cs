using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BotAssistant.Web.Hosting;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>
/// Behind a TLS proxy the Direct Line streamUrl takes the proxy's scheme and host (https → wss), but only when the
/// request comes from a configured proxy. Kestrel on loopback, so the connection has a real remote address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string StreamPrefix = "wss://bot.example.org/v3/directline/conversations/";

    [Fact]
    public async Task A_trusted_proxy_makes_the_stream_url_wss_on_the_public_host()
    {
        using var factory = new ChannelHostFactory();
        using var client = new HttpClient { BaseAddress = new Uri(factory.StartKestrel()) };

        var (conversationId, token, streamUrl) = await StartAsync(client, forwarded: true);
        Assert.StartsWith(StreamPrefix + conversationId + "/stream?", streamUrl, StringComparison.Ordinal);

        using var reconnect = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token, forwarded: true);
        using var response = await client.SendAsync(reconnect);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(StreamPrefix + conversationId + "/stream?", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_headers_the_stream_url_is_the_direct_address()
    {
        using var factory = new ChannelHostFactory();
        var address = factory.StartKestrel();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var (_, _, streamUrl) = await StartAsync(client, forwarded: false);
        Assert.StartsWith("ws://" + new Uri(address).Authority + "/", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        using var factory = new ChannelHostFactory()
            .With("ForwardedHeaders:KnownProxies:0", "10.9.9.9")
            .With("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")
            .With("ForwardedHeaders:KnownNetworks:1", "192.168.0.0/16");
        var address = factory.StartKestrel();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var (_, _, streamUrl) = await StartAsync(client, forwarded: true);
        Assert.StartsWith("ws://" + new Uri(address).Authority + "/", streamUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("bot.example.org", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_host_outside_allowed_hosts_is_ignored()
    {
        using var factory = new ChannelHostFactory().With("ForwardedHeaders:AllowedHosts:0", "chat.example.org");
        var address = factory.StartKestrel();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var (_, _, streamUrl) = await StartAsync(client, forwarded: true);
        Assert.DoesNotContain("bot.example.org", streamUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300", "ForwardedHeaders:KnownProxies:0: '10.0.0.300' is not an IP address")]
    [InlineData("KnownNetworks", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0: '10.0.0.0/33' is not a network in CIDR form")]
    [InlineData("KnownNetworks", "10.0.0.1/8", "ForwardedHeaders:KnownNetworks:0: '10.0.0.1/8' is not a network")]
    [InlineData("KnownNetworks", "proxy.example.org", "ForwardedHeaders:KnownNetworks:0: 'proxy.example.org' is not a network")]
    [InlineData("ForwardedHeaders", "XForwardedFor, XForwardedSpeed", "ForwardedHeaders:ForwardedHeaders: 'XForwardedFor, XForwardedSpeed' is not a list")]
    public void Bad_settings_are_named_with_the_key_and_value(string key, string value, string message)
    {
        var options = new ProxyOptions();
        switch (key)
        {
            case "KnownProxies": options.KnownProxies.Add(value); break;
            case "KnownNetworks": options.KnownNetworks.Add(value); break;
            default: options.ForwardedHeaders = value; break;
        }

        var error = Assert.Throws<HostConfigurationException>(options.ToForwardedHeadersOptions);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_proxies_configured_only_loopback_is_trusted()
    {
        var options = new ProxyOptions().ToForwardedHeadersOptions();
        Assert.Equal([System.Net.IPAddress.IPv6Loopback], options.KnownProxies);
        Assert.Equal("127.0.0.0/8", Assert.Single(options.KnownIPNetworks).ToString());
    }

    [Fact]
    public async Task The_host_process_refuses_a_bad_network_with_a_message_not_a_stack_trace()
    {
        var (code, output) = await Operations.HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99",
            ["Storage:Kind"] = "Memory",
        });
        Assert.Equal(1, code);
        Assert.Contains("BotAssistant will not start: invalid forwarded-headers settings", output, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks:0: '10.0.0.0/99'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private static async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(HttpClient client, bool forwarded)
    {
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", ChannelHostFactory.Secret, forwarded);
        request.Content = new StringContent("""{"user":{"id":"dl_test_user"}}""", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string credential, bool forwarded)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (forwarded)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "bot.example.org");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        return request;
    }
}
