using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Auth;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Transcripts;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace BotAssistant.Bot.Hosting;

public static class BotRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime: options, storage of the configured kind, conversation and user state, transcript and
    /// auto-save middleware, authentication, the connector and <see cref="CloudAdapter"/>. An IBot is registered separately.
    /// </summary>
    public static IServiceCollection AddBotRuntime(this IServiceCollection services, IConfiguration configuration, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(layout);
        services.AddOptions<BotRuntimeOptions>().Bind(configuration.GetSection(BotRuntimeOptions.Section));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<TranscriptOptions>().Bind(configuration.GetSection(TranscriptOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpConnectorClient.HttpClientName);
        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName);
        services.AddHttpClient(BotFrameworkAuthenticator.MetadataHttpClient);

        services.TryAddSingleton(CreateStorage);
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.TryAddSingleton(CreateTranscriptStore);

        // Order matters: the transcript sees everything, including the apology after a failed turn; auto-save
        // wraps the bot (and any middleware added later) so a failure anywhere inside skips the save.
        services.AddSingleton<IMiddleware>(sp => new TranscriptLoggerMiddleware(
            sp.GetRequiredService<ITranscriptStore>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TranscriptLoggerMiddleware>>()));
        services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(
            sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));

        services.TryAddSingleton<IBotAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton<IAccessTokenProvider, ClientCredentialsTokenProvider>();
        services.TryAddSingleton<IConnectorClient, HttpConnectorClient>();
        services.TryAddSingleton<CloudAdapter>();
        return services;
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var layout = services.GetRequiredService<RepositoryLayout>();
        return options.Kind switch
        {
            StorageKind.Memory => new MemoryStorage(),
            StorageKind.Sqlite => new SqliteStorage(layout.Resolve(options.SqlitePath)),
            StorageKind.Redis => CreateRedisStorage(options),
            StorageKind.Postgres => CreatePostgresStorage(options),
            _ => throw new InvalidOperationException($"Unknown Storage:Kind '{options.Kind}'. Use Memory, Sqlite, Redis or Postgres."),
        };
    }

    // Apart and never inlined, so a host on SQLite does not load (and map, and JIT for) the Redis or Npgsql
    // assemblies just because the method choosing the store mentions their types.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static RedisStorage CreateRedisStorage(StorageOptions options) =>
        new(ConnectRedis(Required(options.Redis, "Storage:Redis")), options.RedisKeyPrefix);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PostgresStorage CreatePostgresStorage(StorageOptions options) =>
        new(NpgsqlDataSource.Create(Required(options.Postgres, "Storage:Postgres")), options.PostgresTable);

    /// <summary>
    /// Does not fail when Redis is down at start: turns get the apology and readiness fails until the multiplexer's
    /// background reconnect succeeds, instead of the host refusing to start.
    /// </summary>
    private static ConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }

    private static ITranscriptStore CreateTranscriptStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TranscriptOptions>>().Value;
        var layout = services.GetRequiredService<RepositoryLayout>();
        return options.Kind switch
        {
            TranscriptKind.Sqlite => new SqliteTranscriptStore(layout.Resolve(options.SqlitePath)),
            TranscriptKind.None => new NullTranscriptStore(),
            _ => new MemoryTranscriptStore(),
        };
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"Configuration '{key}' is required for this storage kind.") : value;
}
