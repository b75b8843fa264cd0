using System.Net.WebSockets;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Channels.DirectLine.Conversations;
using BotAssistant.Web.Channels.DirectLine.Tokens;

namespace BotAssistant.Web.Channels.DirectLine.Endpoints;

/// <summary>
/// The streamUrl: a WebSocket that pushes an ActivitySet whenever the conversation grows. The token travels as ?t=
/// because browsers cannot set headers on a WebSocket.
/// </summary>
internal static class StreamEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/conversations/{conversationId}/stream", StreamAsync);

    private static async Task<IResult> StreamAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, IConversationLog log,
        IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("The stream is a WebSocket; connect with ws:// or wss://.");
        }

        if (ActivityEndpoints.Authorize(http, tokens, conversationId, out _) is { } denied)
        {
            return denied;
        }

        if (!ActivityEndpoints.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadArgument("The watermark must be a value returned by an earlier call.");
        }

        if (!await log.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineErrors.NotFound("The conversation does not exist or has ended.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var receiving = DrainAsync(socket, stop);
        try
        {
            await PushAsync(socket, log, conversationId, after, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client left or the host is stopping; either way this stream is over.
        }

        await stop.CancelAsync();
        await receiving;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await CloseQuietlyAsync(socket, closing.Token);
        }

        return Results.Empty;
    }

    /// <summary>Sends everything after the watermark, then each new batch; ends when the conversation is dropped.</summary>
    private static async Task PushAsync(WebSocket socket, IConversationLog log, string conversationId, long after, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var set = await log.ReadAsync(conversationId, after, cancellationToken);
            if (set is null)
            {
                return;
            }

            if (set.Activities.Count > 0)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(ActivityEndpoints.ToResponse(set), BotJson.Options);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                after = set.Watermark;
            }

            await log.WaitAsync(conversationId, after, cancellationToken);
        }
    }

    /// <summary>Reads and discards client frames (directlinejs sends empty keep-alives) until the client closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Nothing to do: the stream ends below.
        }

        await stop.CancelAsync();
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "conversation ended", cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The peer is already gone.
        }
    }
}
