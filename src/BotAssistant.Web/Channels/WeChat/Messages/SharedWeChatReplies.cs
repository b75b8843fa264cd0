using System.Security.Cryptography;
using System.Text;
using BotAssistant.Bot.Storage;

namespace BotAssistant.Web.Channels.WeChat.Messages;

/// <summary>
/// One answer per WeChat message across instances. WeChat resends a message it got no reply to within 5 s, and a
/// load balancer may hand the resend to another host; that host must not run the turn again. The first host to
/// see a message claims it in the shared state store (a create-only write, so exactly one claim wins), answers,
/// and stores the answer on the claim; the others wait for it there. A claim older than the duplicate window is
/// taken over, so a host that died mid-answer does not silence the message for good.
/// </summary>
public sealed partial class SharedWeChatReplies(IStorage storage, TimeProvider timeProvider, ILogger<SharedWeChatReplies> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The answer: this host's (from <paramref name="answer"/>) when it wins the claim, else the one the claiming
    /// host stores, or null when none arrives within the window.
    /// </summary>
    public async Task<string?> AnswerOnceAsync(string messageKey, TimeSpan window, Func<Task<string?>> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var key = "wechat/replies/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)));
        bool claimed;
        try
        {
            claimed = await TryClaimAsync(key, window, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is down: answering here may answer twice across hosts, which beats not answering at all.
            Log.ClaimFailed(logger, ex);
            return await answer();
        }

        if (!claimed)
        {
            return await WaitAsync(key, window, cancellationToken);
        }

        string? reply = null;
        try
        {
            reply = await answer();
            return reply;
        }
        finally
        {
            await CompleteAsync(key, reply, window);
        }
    }

    private async Task<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = StoreItem.New(new Claim(now, Done: false, Reply: null)) }, cancellationToken);
            return true;
        }
        catch (StorageConcurrencyException)
        {
            var existing = (await storage.ReadAsync([key], cancellationToken)).GetValueOrDefault(key);
            if (existing?.Get<Claim>() is { } claim && now - claim.At > window && existing.ETag is { } eTag)
            {
                try
                {
                    await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = StoreItem.From(new Claim(now, Done: false, Reply: null), eTag) }, cancellationToken);
                    return true;
                }
                catch (StorageConcurrencyException)
                {
                    return false;
                }
            }

            return false;
        }
    }

    private async Task<string?> WaitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var giveUp = timeProvider.GetUtcNow() + window;
        while (timeProvider.GetUtcNow() < giveUp)
        {
            var item = (await storage.ReadAsync([key], cancellationToken)).GetValueOrDefault(key);
            if (item?.Get<Claim>() is not { } claim)
            {
                return null;
            }

            if (claim.Done)
            {
                return claim.Reply;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }

        return null;
    }

    private async Task CompleteAsync(string key, string? reply, TimeSpan window)
    {
        try
        {
            await storage.WriteAsync(
                new Dictionary<string, StoreItem> { [key] = StoreItem.From(new Claim(timeProvider.GetUtcNow(), Done: true, Reply: reply)) },
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CompleteFailed(logger, ex);
            return;
        }

        // Past the window WeChat no longer resends; the claim is only clutter then.
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(window, timeProvider);
                await storage.DeleteAsync([key], CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.CleanupFailed(logger, ex);
            }
        });
    }

    private sealed record Claim(DateTimeOffset At, bool Done, string? Reply);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not claim a WeChat message in the shared store; answering it here")]
        public static partial void ClaimFailed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Could not store a WeChat answer for other instances")]
        public static partial void CompleteFailed(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Debug, "Could not delete an old WeChat answer claim")]
        public static partial void CleanupFailed(ILogger logger, Exception exception);
    }
}
