using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace BotAssistant.Bot.Storage;

/// <summary>The default store: one SQLite file in WAL mode, table created on first use.</summary>
public sealed class SqliteStorage : IStorage
{
    private const string Table = "bot_state";
    private readonly string _connectionString;
    private readonly OnceInitializer _ensureCreated;

    public SqliteStorage(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _ensureCreated = new OnceInitializer(CreateSchemaAsync);
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, etag, value FROM {Table} WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                using var document = JsonDocument.Parse(reader.GetString(2));
                result[key] = new StoreItem(document.RootElement.Clone(), reader.GetString(1));
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return written;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE takes the write lock up front, so the ETag check and the write cannot interleave with another writer.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (key, item) in changes)
        {
            var eTag = ETags.New();
            if (await WriteOneAsync(connection, transaction, key, item, eTag, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw StorageConcurrencyException.For(key, item.ETag);
            }

            written[key] = eTag;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> WriteOneAsync(
        SqliteConnection connection, SqliteTransaction transaction, string key, StoreItem item, string eTag, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = item.IsCreateOnly
            ? $"INSERT INTO {Table} (key, etag, value, updated_at) VALUES ($key, $etag, $value, datetime('now')) ON CONFLICT(key) DO NOTHING"
            : item.IsUnconditional
            ? $"""
               INSERT INTO {Table} (key, etag, value, updated_at) VALUES ($key, $etag, $value, datetime('now'))
               ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
               """
            : $"UPDATE {Table} SET etag = $etag, value = $value, updated_at = datetime('now') WHERE key = $key AND etag = $expected";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$etag", eTag);
        command.Parameters.AddWithValue("$value", item.Value.GetRawText());
        command.Parameters.AddWithValue("$expected", (object?)item.ETag ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Per connection, not per file: WAL with NORMAL syncs at checkpoints instead of every commit.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // WAL is a property of the file, so setting it once covers every later connection.
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS {Table} (
                key TEXT NOT NULL PRIMARY KEY,
                etag TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
