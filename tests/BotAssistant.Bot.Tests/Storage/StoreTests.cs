using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Testing;
using Npgsql;
using StackExchange.Redis;

namespace BotAssistant.Bot.Tests.Storage;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new MemoryStorage());
}

public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "botassistant-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IStorage> CreateStorageAsync() =>
        Task.FromResult<IStorage>(new SqliteStorage(Path.Combine(_directory, "state.db")));

    [Fact]
    public async Task The_database_file_uses_wal_mode()
    {
        var path = Path.Combine(_directory, "wal.db");
        await new SqliteStorage(path).ReadAsync(["x"], CancellationToken.None);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger for a moment; the OS temp cleaner takes the rest.
        }
    }
}

public sealed class RedisStorageTests : StorageContractTests, IAsyncLifetime
{
    private ConnectionMultiplexer? _redis;

    protected override async Task<IStorage> CreateStorageAsync()
    {
        var settings = Services.RequireSetting("BOTASSISTANT_REDIS", "Redis storage tests need a Redis server");
        try
        {
            var options = ConfigurationOptions.Parse(settings);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 2000;
            _redis = await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException ex)
        {
            Services.Unavailable($"Redis at {settings} is unreachable: {ex.Message.Split('\n')[0]}");
        }

        return new RedisStorage(_redis!, "botassistant:test:");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}

public sealed class PostgresStorageTests : StorageContractTests, IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IStorage> CreateStorageAsync()
    {
        var settings = Services.RequireSetting("BOTASSISTANT_POSTGRES", "PostgreSQL storage tests need a PostgreSQL server");
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(settings) { Timeout = 3 }.ConnectionString);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            Services.Unavailable($"PostgreSQL at {settings} is unreachable: {ex.Message}");
        }

        return new PostgresStorage(_dataSource, "bot_state_test");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
