using System.Security.Claims;
using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BotAssistant.Bot.Auth;

/// <summary>Why a request could not be authenticated, for the host to answer in its own words.</summary>
public enum BotAuthenticationFailure
{
    /// <summary>No "Authorization: Bearer" header.</summary>
    MissingToken,

    /// <summary>The token is malformed, expired, for another audience or issuer, or badly signed.</summary>
    InvalidToken,

    /// <summary>The token's serviceurl claim is not the activity's serviceUrl.</summary>
    ServiceUrlMismatch,

    /// <summary>The OpenID metadata or signing keys could not be fetched: our side, not the caller's.</summary>
    KeysUnavailable,
}

/// <summary>
/// The request could not be authenticated. <see cref="Exception.Message"/> is for the log; callers are answered
/// from <see cref="Failure"/> (and <see cref="Reason"/>, a word such as "expired") only.
/// </summary>
public sealed class BotAuthenticationException(BotAuthenticationFailure failure, string message, string? reason = null, Exception? inner = null)
    : Exception(message, inner)
{
    public BotAuthenticationFailure Failure { get; } = failure;

    /// <summary>For <see cref="BotAuthenticationFailure.InvalidToken"/>: expired, wrong audience, bad signature, … (no exception text).</summary>
    public string? Reason { get; } = reason;
}

public interface IBotAuthenticator
{
    /// <summary>The caller's identity (anonymous when auth is off); throws <see cref="BotAuthenticationException"/>.</summary>
    Task<ClaimsIdentity> AuthenticateAsync(string? authHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Validates the Bot Framework channel's JWT: RS256, a configured issuer, audience = our app id, keys from the
/// OpenID metadata's jwks_uri, 5 minutes of clock skew, and the serviceUrl claim matching the activity.
/// </summary>
public sealed class BotFrameworkAuthenticator : IBotAuthenticator
{
    public const string MetadataHttpClient = "BotAssistant.OpenIdMetadata";
    private readonly BotRuntimeOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkAuthenticator(IOptions<BotRuntimeOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        if (_options.AuthenticationEnabled)
        {
            var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataHttpClient))
            {
                RequireHttps = _options.RequireHttpsMetadata,
            };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    public async Task<ClaimsIdentity> AuthenticateAsync(string? authHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_metadata is null)
        {
            return new ClaimsIdentity();
        }

        var token = ReadBearer(authHeader);
        var result = await _handler.ValidateTokenAsync(token, await BuildParametersAsync(cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Keys rotate: refresh the metadata once before concluding the signature is bad.
                _metadata.RequestRefresh();
            }

            var reason = Describe(result.Exception);
            throw new BotAuthenticationException(
                BotAuthenticationFailure.InvalidToken, $"The bearer token is not valid: {reason}", reason, result.Exception);
        }

        CheckServiceUrl(result.ClaimsIdentity, activity);
        return result.ClaimsIdentity;
    }

    private async Task<TokenValidationParameters> BuildParametersAsync(CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata!.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new BotAuthenticationException(
                BotAuthenticationFailure.KeysUnavailable, $"The signing keys could not be fetched from {_options.OpenIdMetadataUrl}: {ex.Message}", inner: ex);
        }

        return new TokenValidationParameters
        {
            ValidIssuers = _options.EffectiveIssuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
        };
    }

    private static string ReadBearer(string? authHeader)
    {
        const string prefix = "Bearer ";
        if (string.IsNullOrWhiteSpace(authHeader) || !authHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new BotAuthenticationException(BotAuthenticationFailure.MissingToken, "An Authorization: Bearer token is required.");
        }

        return authHeader[prefix.Length..].Trim();
    }

    private static void CheckServiceUrl(ClaimsIdentity identity, Activity activity)
    {
        var claimed = identity.FindFirst("serviceurl")?.Value;
        if (claimed is null || activity.ServiceUrl is null)
        {
            return;
        }

        if (!string.Equals(claimed.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            throw new BotAuthenticationException(
                BotAuthenticationFailure.ServiceUrlMismatch, $"The token's serviceurl claim '{claimed}' does not match the activity's serviceUrl '{activity.ServiceUrl}'.");
        }
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "untrusted issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "no expiry",
        SecurityTokenMalformedException => "malformed",
        _ => "rejected",
    };
}
