using System.Collections.Concurrent;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Transcripts;

/// <summary>Keeps every activity of a conversation, in and out, already masked by the caller.</summary>
public interface ITranscriptStore
{
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>A turn's activities at once, in order; stores that can write them together override this.</summary>
    async Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        foreach (var activity in activities)
        {
            await LogActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<(string, string), List<Activity>> _transcripts = new();

    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var list = _transcripts.GetOrAdd(Key(activity), _ => []);
        lock (list)
        {
            list.Add(activity.Clone());
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
            return Task.FromResult<IReadOnlyList<Activity>>(list.Select(a => a.Clone()).ToList());
        }
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        _transcripts.TryRemove((channelId, conversationId), out _);
        return Task.CompletedTask;
    }

    private static (string, string) Key(Activity activity) =>
        (activity.ChannelId ?? "", activity.Conversation?.Id ?? "");
}

/// <summary>Transcripts switched off (Transcripts:Kind = None).</summary>
public sealed class NullTranscriptStore : ITranscriptStore
{
    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Activity>>([]);

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
