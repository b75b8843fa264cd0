using System.Net.Http.Json;
using System.Text.Json.Serialization;
using BotAssistant.Bot.Adapters;
using Microsoft.Extensions.Options;

namespace BotAssistant.Bot.Auth;

public interface IAccessTokenProvider
{
    /// <summary>A bearer token for calls to channels, or null when the bot runs without an app id.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>OAuth client credentials against the configured token endpoint; the token is reused until shortly before it expires.</summary>
public sealed class ClientCredentialsTokenProvider(
    IOptions<BotRuntimeOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider) : IAccessTokenProvider
{
    public const string HttpClientName = "BotAssistant.TokenEndpoint";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.AuthenticationEnabled)
        {
            return null;
        }

        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            return Fresh() ?? await FetchAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh() =>
        _cached is { } c && c.ExpiresAt - RefreshMargin > timeProvider.GetUtcNow() ? c.Token : null;

    private async Task<string> FetchAsync(BotRuntimeOptions settings, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.MicrosoftAppId!,
            ["client_secret"] = settings.MicrosoftAppPassword ?? "",
            ["scope"] = settings.OAuthScope,
        });
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.PostAsync(new Uri(settings.TokenEndpoint), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The token endpoint returned an empty body.");
        var expiresAt = timeProvider.GetUtcNow().AddSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 3600);
        _cached = (body.AccessToken, expiresAt);
        return body.AccessToken;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
