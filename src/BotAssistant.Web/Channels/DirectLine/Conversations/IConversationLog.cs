using BotAssistant.Bot.Schema;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>Activities after a watermark, and the watermark to ask with next time.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, long Watermark);

/// <summary>
/// The bounded activity log of every Direct Line conversation: what clients poll or stream. A seam so several
/// instances can later share one log (e.g. Redis lists plus pub/sub) instead of this process's memory.
/// </summary>
public interface IConversationLog
{
    /// <summary>Creates the conversation if it does not exist; true when it was created now.</summary>
    ValueTask<bool> EnsureAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a copy of the activity with the next id ("conversationId|0000001") and sets that id on the original;
    /// null when the conversation does not exist (never created, or dropped).
    /// </summary>
    ValueTask<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/> (-1 for all kept); null when the conversation does not exist.</summary>
    ValueTask<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>Completes once there is an activity after <paramref name="watermark"/> or the conversation is gone.</summary>
    Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken);
}
