using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>
/// Puts a client's activity into the conversation log, runs the bot's turn on it and logs each reply as the bot
/// sends it, so streaming clients see replies one by one. The bot is resolved per turn so a host without one fails
/// at MapDirectLine with a clear message, not in service validation.
/// </summary>
public sealed class DirectLineTurns(ChannelAdapter adapter, IConversationLog log, IServiceProvider services, IOptions<DirectLineOptions> options, TimeProvider timeProvider)
{
    public const string ChannelId = "directline";
    private readonly DirectLineOptions _options = options.Value;

    public ChannelAccount Bot => new(_options.BotId, _options.BotName, "bot");

    /// <summary>Greets a new conversation the way Direct Line does: a conversationUpdate adding the bot and the user.</summary>
    public async Task StartAsync(string conversationId, ChannelAccount? user, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var members = new List<ChannelAccount> { Bot };
        if (user?.Id is { Length: > 0 })
        {
            members.Add(new ChannelAccount(user.Id, user.Name, "user"));
        }

        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = members,
            From = user?.Id is { Length: > 0 } ? new ChannelAccount(user.Id, user.Name, "user") : new ChannelAccount(_options.BotId),
            Locale = locale,
        };
        Address(update, conversationId, serviceUrl);
        // The update reaches the bot but not the log: clients never see their own join, as with Direct Line.
        update.Id = $"{conversationId}|start";
        await RunAsync(update, conversationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id the activity got in the log, or null when the conversation does not exist.</summary>
    public async Task<string?> PostAsync(string conversationId, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Address(activity, conversationId, serviceUrl);
        activity.Timestamp = timeProvider.GetUtcNow();
        var id = await log.AppendAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return null;
        }

        await RunAsync(activity, conversationId, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private Task RunAsync(Activity activity, string conversationId, CancellationToken cancellationToken) =>
        adapter.ProcessAsync(activity, services.GetRequiredService<IBot>(), async (reply, ct) =>
        {
            reply.ChannelId = ChannelId;
            reply.From ??= Bot;
            reply.From.Role ??= "bot";
            return await log.AppendAsync(conversationId, reply, ct).ConfigureAwait(false) ?? "";
        }, cancellationToken);

    private void Address(Activity activity, string conversationId, string serviceUrl)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.Recipient = Bot;
        activity.ServiceUrl = serviceUrl;
    }
}
