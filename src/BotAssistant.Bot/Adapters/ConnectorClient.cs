using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotAssistant.Bot.Auth;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Adapters;

/// <summary>Delivers an outgoing activity to the channel that sent the turn (Bot Framework Connector API v3).</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);
}

public sealed class HttpConnectorClient(IHttpClientFactory httpClientFactory, IAccessTokenProvider tokens) : IConnectorClient
{
    public const string HttpClientName = "BotAssistant.Connector";

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, BuildUri(activity))
        {
            Content = JsonContent.Create(activity, options: BotJson.Options),
        };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is 0)
        {
            return new ResourceResponse(null);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false)
                ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            // Some channels answer with an empty or non-JSON body; the delivery itself succeeded.
            return new ResourceResponse(null);
        }
    }

    /// <summary>{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</summary>
    public static Uri BuildUri(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(path);
    }
}
