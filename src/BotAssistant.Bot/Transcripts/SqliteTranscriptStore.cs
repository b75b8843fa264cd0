using BotAssistant.Bot.Schema;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace BotAssistant.Bot.Transcripts;

/// <summary>
/// Transcripts in the same SQLite file as state (own table), one row per activity in arrival order.
/// Writes are queued to one long-lived connection, and whatever is waiting is committed in one transaction:
/// SQLite has a single writer, shared here with the state store, so a commit per row made state commits wait on
/// transcript commits. Every caller still learns of its rows only after their commit.
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore, IDisposable
{
    private const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly Storage.OnceInitializer _ensureCreated;
    private readonly Channel<PendingRows> _queue = Channel.CreateUnbounded<PendingRows>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _writerStart = new();
    private Task? _writerLoop;

    public SqliteTranscriptStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        _ensureCreated = new Storage.OnceInitializer(CreateSchemaAsync);
    }

    public async Task LogAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingRows(entries);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteTranscriptStore));
        }

        lock (_writerStart)
        {
            _writerLoop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        }

        await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_writerStart)
        {
            loop = _writerLoop;
        }

        // Rows already queued are written before the store goes away.
        loop?.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task WriteLoopAsync()
    {
        SqliteConnection? connection = null;
        SqliteCommand? insert = null;
        var batch = new List<PendingRows>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    connection ??= await OpenWriterAsync(CancellationToken.None).ConfigureAwait(false);
                    insert ??= InsertCommand(connection);
                    using (var transaction = connection.BeginTransaction(deferred: false))
                    {
                        insert.Transaction = transaction;
                        foreach (var row in batch.SelectMany(p => p.Rows))
                        {
                            insert.Parameters["$channel"].Value = row.ChannelId;
                            insert.Parameters["$conversation"].Value = row.ConversationId;
                            insert.Parameters["$timestamp"].Value = row.Timestamp?.ToString("O", CultureInfo.InvariantCulture) ?? "";
                            insert.Parameters["$activity"].Value = row.Json;
                            insert.ExecuteNonQuery();
                        }

                        transaction.Commit();
                    }

                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetResult();
                    }
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
                {
                    // Nothing of this batch is stored; its callers hear why, and the next batch reopens the connection.
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(ex);
                    }

                    insert?.Dispose();
                    insert = null;
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            insert?.Dispose();
            connection?.Dispose();
        }
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_transcript (channel_id, conversation_id, timestamp, activity)
            VALUES ($channel, $conversation, $timestamp, $activity)
            """;
        command.Parameters.Add("$channel", SqliteType.Text);
        command.Parameters.Add("$conversation", SqliteType.Text);
        command.Parameters.Add("$timestamp", SqliteType.Text);
        command.Parameters.Add("$activity", SqliteType.Text);
        return command;
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();

        // WAL with NORMAL syncs at checkpoints instead of on every commit; a crash may lose the last rows, never corrupt.
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private sealed class PendingRows(IReadOnlyList<TranscriptEntry> rows)
    {
        public IReadOnlyList<TranscriptEntry> Rows { get; } = rows;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT timestamp, activity FROM bot_transcript WHERE channel_id = $channel AND conversation_id = $conversation ORDER BY id";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        var result = new List<Activity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new TranscriptEntry(channelId, conversationId, null, reader.GetString(1)).ToActivity());
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
