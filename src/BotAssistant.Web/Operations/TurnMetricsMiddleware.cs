using System.Diagnostics;
using System.Text.Json;
using BotAssistant.Assistant.Dialogs;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Transcripts;
using BotAssistant.Bot.Turn;

using IMiddleware = BotAssistant.Bot.Turn.IMiddleware;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Counts message turns from what the bot sends, so the assistant needs no telemetry code: measures come from each
/// reply's machine-readable value (measures[].id), and a reply with no measures whose text is the not_understood
/// template counts as not understood. Also writes one structured log line per turn, with the conversation id masked
/// and no user text.
/// </summary>
public sealed partial class TurnMetricsMiddleware(TurnMetrics metrics, IServiceProvider services, ILogger<TurnMetricsMiddleware> logger) : IMiddleware
{
    private readonly Lazy<string?> _notUnderstood = new(() => services.GetService<DialogTexts>() is { } texts && texts.Has("not_understood")
        ? texts.Say("not_understood")
        : null);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var measures = new List<string>();
        var sawMessage = false;
        var understood = false;
        var kind = "";
        turnContext.OnSendActivities(async (_, activities, send) =>
        {
            foreach (var reply in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                sawMessage = true;
                var (replyKind, ids) = Summarize(reply.Value);
                kind = replyKind ?? kind;
                measures.AddRange(ids);
                understood |= ids.Count > 0 || !IsNotUnderstood(reply.Text);
            }

            return await send().ConfigureAwait(false);
        });

        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
            failed = false;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var notUnderstood = !failed && sawMessage && !understood;
            metrics.RecordTurn(turnContext.Activity.ChannelId ?? "unknown", elapsed, notUnderstood, failed, measures.Distinct(StringComparer.Ordinal));
            Log.Turn(logger, turnContext.Activity.ChannelId, PiiMasker.Mask(turnContext.Activity.Conversation?.Id),
                kind, measures.Count, notUnderstood, failed, Math.Round(elapsed.TotalMilliseconds, 1));
        }
    }

    private bool IsNotUnderstood(string? text) =>
        _notUnderstood.Value is { Length: > 0 } template && text is not null && text.StartsWith(template, StringComparison.Ordinal);

    private static (string? Kind, List<string> Ids) Summarize(object? value)
    {
        var ids = new List<string>();
        if (value is null)
        {
            return (null, ids);
        }

        var element = value is JsonElement json ? json : BotJson.ToElement(value);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, ids);
        }

        var kind = element.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (element.TryGetProperty("measures", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var measure in list.EnumerateArray())
            {
                if (measure.ValueKind == JsonValueKind.Object && measure.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }
            }
        }

        return (kind, ids);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Turn on {ChannelId} conversation {ConversationId}: kind {Kind}, {MeasureCount} measures, not understood {NotUnderstood}, failed {Failed}, {ElapsedMilliseconds} ms")]
        public static partial void Turn(
            ILogger logger, string? channelId, string? conversationId, string kind, int measureCount, bool notUnderstood, bool failed, double elapsedMilliseconds);
    }
}
