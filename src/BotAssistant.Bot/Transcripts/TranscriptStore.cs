using System.Collections.Concurrent;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Transcripts;

/// <summary>
/// One activity as a transcript keeps it: its wire JSON with PII already masked, filed under the real channel and
/// conversation (which stay unmasked even if an id happens to look like a phone number).
/// </summary>
public sealed record TranscriptEntry(string ChannelId, string ConversationId, DateTimeOffset? Timestamp, string Json)
{
    /// <summary>Masks through the wire form, so PII in text, cards, values and channel data is all covered.</summary>
    public static TranscriptEntry Masked(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new TranscriptEntry(
            activity.ChannelId ?? "", activity.Conversation?.Id ?? "", activity.Timestamp, PiiMasker.Mask(BotJson.Serialize(activity))!);
    }

    /// <summary>The activity back, with the channel and conversation it is filed under.</summary>
    public Activity ToActivity()
    {
        var activity = BotJson.Deserialize<Activity>(Json)!;
        activity.ChannelId = ChannelId;
        if (activity.Conversation is not null)
        {
            activity.Conversation.Id = ConversationId;
        }

        return activity;
    }
}

/// <summary>Keeps every activity of a conversation, in and out, as masked entries.</summary>
public interface ITranscriptStore
{
    /// <summary>A turn's entries, in order; written together where the store can.</summary>
    Task LogAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<(string, string), List<TranscriptEntry>> _transcripts = new();

    public Task LogAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var list = _transcripts.GetOrAdd((entry.ChannelId, entry.ConversationId), _ => []);
            lock (list)
            {
                list.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (!_transcripts.TryGetValue((channelId, conversationId), out var list))
        {
            return Task.FromResult<IReadOnlyList<Activity>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<Activity>>(list.Select(e => e.ToActivity()).ToList());
        }
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        _transcripts.TryRemove((channelId, conversationId), out _);
        return Task.CompletedTask;
    }
}

/// <summary>Transcripts switched off (Transcripts:Kind = None).</summary>
public sealed class NullTranscriptStore : ITranscriptStore
{
    public Task LogAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Activity>>([]);

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
