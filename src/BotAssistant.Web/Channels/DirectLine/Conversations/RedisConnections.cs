using StackExchange.Redis;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

internal static class RedisConnections
{
    /// <summary>
    /// Connects without failing when Redis is down: the host starts, /readyz says not ready, and the multiplexer keeps
    /// reconnecting in the background, so the service resumes on its own when Redis is back.
    /// </summary>
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
