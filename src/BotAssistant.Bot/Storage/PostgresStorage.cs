using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace BotAssistant.Bot.Storage;

/// <summary>Items as jsonb rows; the ETag check is the UPDATE's WHERE clause, so no read-then-write race.</summary>
public sealed class PostgresStorage : IStorage
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly OnceInitializer _ensureCreated;

    public PostgresStorage(NpgsqlDataSource dataSource, string table = "bot_state")
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        if (!System.Text.RegularExpressions.Regex.IsMatch(table, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"Table name '{table}' must be a plain lower-case SQL identifier.", nameof(table));
        }

        _dataSource = dataSource;
        _table = table;
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

        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"SELECT key, etag, value::text FROM {_table} WHERE key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(reader.GetString(2));
            result[reader.GetString(0)] = new StoreItem(document.RootElement.Clone(), reader.GetString(1));
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

        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, item) in changes)
        {
            var eTag = ETags.New();
            if (await WriteOneAsync(connection, key, item, eTag, cancellationToken).ConfigureAwait(false) == 0)
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
        if (keys.Count == 0)
        {
            return;
        }

        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> WriteOneAsync(
        NpgsqlConnection connection, string key, StoreItem item, string eTag, CancellationToken cancellationToken)
    {
        var sql = item.IsCreateOnly
            ? $"INSERT INTO {_table} (key, etag, value, updated_at) VALUES ($1, $2, $3::jsonb, now()) ON CONFLICT (key) DO NOTHING"
            : item.IsUnconditional
            ? $"""
               INSERT INTO {_table} (key, etag, value, updated_at) VALUES ($1, $2, $3::jsonb, now())
               ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
               """
            : $"UPDATE {_table} SET etag = $2, value = $3::jsonb, updated_at = now() WHERE key = $1 AND etag = $4";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = eTag });
        command.Parameters.Add(new NpgsqlParameter { Value = item.Value.GetRawText() });
        if (!item.IsUnconditional && !item.IsCreateOnly)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = item.ETag! });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {_table} (
                key text PRIMARY KEY,
                etag text NOT NULL,
                value jsonb NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now())
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
