using BotAssistant.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace BotAssistant.Bot.Transcripts;

/// <summary>
/// Transcripts in the same SQLite file as state (own table), one row per activity in arrival order.
/// Writes go one at a time through one long-lived connection: SQLite has a single writer anyway, and letting
/// every turn open its own grew the pool (each connection with its own page cache) with the load and made the
/// writers sleep in the busy handler.
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore, IDisposable
{
    private readonly string _connectionString;
    private readonly Storage.OnceInitializer _ensureCreated;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteTranscriptStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        _ensureCreated = new Storage.OnceInitializer(CreateSchemaAsync);
    }

    public async Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var json = BotJson.Serialize(activity);
        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            await using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO bot_transcript (channel_id, conversation_id, timestamp, activity)
                VALUES ($channel, $conversation, $timestamp, $activity)
                """;
            command.Parameters.AddWithValue("$channel", activity.ChannelId ?? "");
            command.Parameters.AddWithValue("$conversation", activity.Conversation?.Id ?? "");
            command.Parameters.AddWithValue("$timestamp", activity.Timestamp?.ToString("O") ?? "");
            command.Parameters.AddWithValue("$activity", json);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // A broken writer connection is not reused; the next write opens a fresh one.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();

        // WAL with NORMAL syncs at checkpoints instead of on every row; a crash may lose the last rows, never corrupt.
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public async Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity FROM bot_transcript WHERE channel_id = $channel AND conversation_id = $conversation ORDER BY id";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        var result = new List<Activity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(BotJson.Deserialize<Activity>(reader.GetString(0))!);
        }

        return result;
    }

    public async Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_transcript WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS bot_transcript (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                activity TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_bot_transcript_conversation ON bot_transcript (channel_id, conversation_id, id);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
