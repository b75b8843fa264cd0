using BotAssistant.Bot.Storage;

namespace BotAssistant.Web.Channels.WeChat.Menus;

/// <summary>
/// The last menu shown to each user, in the bot's storage (so it survives a restart and is shared by instances),
/// under "{channel}/menus/{user}". Last writer wins: a user answers one menu at a time.
/// </summary>
public sealed class WeChatMenuStore(IStorage storage)
{
    public async Task<WeChatMenu?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? item.Get<WeChatMenu>() : null;
    }

    public async Task SetAsync(string channelId, string userId, WeChatMenu? menu, CancellationToken cancellationToken)
    {
        var key = Key(channelId, userId);
        if (menu is null || menu.IsEmpty)
        {
            await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
            return;
        }

        await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = StoreItem.From(menu, StoreItem.AnyETag) }, cancellationToken)
            .ConfigureAwait(false);
    }

    private static string Key(string channelId, string userId) => $"{channelId}/menus/{userId}";
}
