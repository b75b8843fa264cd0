using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace BotAssistant.Bot.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode, table created on first use.
/// SQLite has one writer at a time. Letting every turn open its own connection and race for that lock
/// made concurrent turns sleep in SQLite's busy handler, so writes go through one long-lived writer
/// connection instead: concurrent WriteAsync/DeleteAsync calls queue up, and the writer commits all
/// that are waiting in one IMMEDIATE transaction (group commit), each call inside its own savepoint so
/// an ETag conflict undoes only that call. A call completes only after the commit that holds it.
/// Reads use pooled connections; in WAL mode they never wait for the writer.
/// What this instance wrote last is also kept in memory (updated by the writer in commit order), so the read
/// at the start of every turn rarely touches the file. That is sound because an SQLite state file belongs to
/// one host process; several instances share Redis or PostgreSQL instead.
/// </summary>
public sealed class SqliteStorage : IStorage, IAsyncDisposable, IDisposable
{
    private const string Table = "bot_state";

    /// <summary>Enough to empty the queue of a busy host in one commit, small enough to keep one transaction short.</summary>
    private const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly OnceInitializer _ensureCreated;
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _writerStart = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StoreItem> _written = new(StringComparer.Ordinal);
    private Task? _writer;
    private int _rememberedGeneration;

    /// <summary>
    /// Reader connections open at once. Each pooled connection keeps its own page cache and parsed schema in native
    /// memory, and a read takes microseconds, so a burst of new conversations waits here instead of growing the pool
    /// to the burst's size.
    /// </summary>
    private readonly SemaphoreSlim _readers = new(MaxReaders, MaxReaders);

    private const int MaxReaders = 4;

    /// <summary>
    /// The JSON bytes of the documents kept in memory at most; past that the memory is dropped and refilled from the
    /// file. A bound in bytes, not documents, so the host's heap cap holds whatever the states weigh.
    /// </summary>
    private const long MaxRememberedBytes = 16L * 1024 * 1024;

    private long _rememberedBytes;

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

        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (_written.TryGetValue(key, out var remembered))
            {
                result[key] = remembered;
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var generation = Volatile.Read(ref _rememberedGeneration);
        await _readers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReadMissingAsync(missing, generation, result, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _readers.Release();
        }

        return result;
    }

    private async Task ReadMissingAsync(
        List<string> missing, int generation, Dictionary<string, StoreItem> result, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT etag, value FROM {Table} WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in missing)
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                using var document = JsonDocument.Parse(reader.GetString(1));
                var item = new StoreItem(document.RootElement.Clone(), reader.GetString(0));
                result[key] = item;

                // Only if no commit got there first (a write remembered meanwhile is newer than this read),
                // and not across a reset, which may have dropped such a newer write.
                if (Volatile.Read(ref _rememberedGeneration) == generation && _written.TryAdd(key, item))
                {
                    Interlocked.Add(ref _rememberedBytes, SizeOf(item));
                }
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        // New ETags are chosen by the caller's thread, keeping the writer loop to SQL only.
        var request = new WriteRequest(changes.Select(c => (c.Key, c.Value, ETags.New())).ToList(), null, cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Done.Task.ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var request = new WriteRequest([], keys.ToList(), cancellationToken);
        await EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        await request.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Stops the writer after the queued calls are committed, then closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_writerStart)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task EnqueueAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        await _ensureCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteStorage));
        }

        lock (_writerStart)
        {
            _writer ??= Task.Run(WriterLoopAsync, CancellationToken.None);
        }
    }

    private async Task WriterLoopAsync()
    {
        SqliteConnection? connection = null;
        WriterStatements? statements = null;
        var batch = new List<WriteRequest>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    // A caller that gave up before its turn came is not written at all; once in a batch it runs to the end.
                    if (next.CancellationToken.IsCancellationRequested)
                    {
                        next.Done.TrySetCanceled(next.CancellationToken);
                    }
                    else
                    {
                        batch.Add(next);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    connection ??= await OpenWriterAsync().ConfigureAwait(false);
                    statements ??= new WriterStatements(connection);
                    var outcomes = CommitBatch(connection, statements, batch);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        Remember(batch[i], outcomes[i].Stored);
                        outcomes[i].Complete();
                    }
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
                {
                    // The commit itself failed (disk full, file locked by another process past the timeout):
                    // nothing of this batch is stored, every caller in it hears why, and the next batch reopens.
                    foreach (var request in batch)
                    {
                        Remember(request, stored: false);
                        request.Done.TrySetException(ex);
                    }

                    statements?.Dispose();
                    statements = null;
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            statements?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>In commit order, on the writer: what a call stored is what the next read sees; a failed call is forgotten.</summary>
    private void Remember(WriteRequest request, bool stored)
    {
        if (Interlocked.Read(ref _rememberedBytes) > MaxRememberedBytes)
        {
            Interlocked.Increment(ref _rememberedGeneration);
            _written.Clear();
            Interlocked.Exchange(ref _rememberedBytes, 0);
        }

        foreach (var (key, item, eTag) in request.Changes)
        {
            Forget(key);
            if (stored)
            {
                var remembered = new StoreItem(item.Value.Clone(), eTag);
                _written[key] = remembered;
                Interlocked.Add(ref _rememberedBytes, SizeOf(remembered));
            }
        }

        foreach (var key in request.Deletes ?? [])
        {
            Forget(key);
        }
    }

    private void Forget(string key)
    {
        if (_written.TryRemove(key, out var old))
        {
            Interlocked.Add(ref _rememberedBytes, -SizeOf(old));
        }
    }

    private static long SizeOf(StoreItem item) => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item.Value).Length;

    /// <summary>
    /// One transaction for the whole batch, a savepoint around each call of more than one statement (a single
    /// statement that changes nothing on a conflict needs none). Returns, per call, how to complete it; the callers
    /// are told only after the commit, so nobody sees a result that could still be rolled back.
    /// </summary>
    private static List<(Action Complete, bool Stored)> CommitBatch(
        SqliteConnection connection, WriterStatements statements, List<WriteRequest> batch)
    {
        var outcomes = new List<(Action, bool)>(batch.Count);
        using var transaction = connection.BeginTransaction(deferred: false);
        statements.Use(transaction);
        foreach (var request in batch)
        {
            var guarded = request.Changes.Count + (request.Deletes?.Count ?? 0) > 1;
            if (guarded)
            {
                transaction.Save("call");
            }

            var conflict = WriteAll(statements, request);
            if (conflict is null)
            {
                foreach (var key in request.Deletes ?? [])
                {
                    statements.Delete(key);
                }
            }

            if (conflict is not null)
            {
                if (guarded)
                {
                    transaction.Rollback("call");
                }

                outcomes.Add((() => request.Done.TrySetException(conflict), false));
            }
            else
            {
                var written = new Dictionary<string, string>(request.Changes.Count, StringComparer.Ordinal);
                foreach (var (key, _, eTag) in request.Changes)
                {
                    written[key] = eTag;
                }

                outcomes.Add((() => request.Done.TrySetResult(written), true));
            }

            if (guarded)
            {
                transaction.Release("call");
            }
        }

        transaction.Commit();
        return outcomes;
    }

    /// <summary>All of one call's changes, or the conflict that voids them.</summary>
    private static StorageConcurrencyException? WriteAll(WriterStatements statements, WriteRequest request)
    {
        foreach (var (key, item, eTag) in request.Changes)
        {
            if (statements.Write(key, item, eTag) == 0)
            {
                return StorageConcurrencyException.For(key, item.ETag);
            }
        }

        return null;
    }

    private async Task<SqliteConnection> OpenWriterAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        // Per connection, not per file: WAL with NORMAL syncs at checkpoints instead of every commit.
        // Only the writer commits, so only the writer needs it, and it is set once for its whole life.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>A queued WriteAsync (Changes) or DeleteAsync (Deletes) and the caller waiting for it.</summary>
    private sealed record WriteRequest(
        IReadOnlyList<(string Key, StoreItem Item, string NewETag)> Changes,
        IReadOnlyList<string>? Deletes,
        CancellationToken CancellationToken)
    {
        public TaskCompletionSource<IReadOnlyDictionary<string, string>> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The writer's four statements, prepared once for the connection's life and enlisted in each batch.</summary>
    private sealed class WriterStatements : IDisposable
    {
        private readonly SqliteCommand _createOnly;
        private readonly SqliteCommand _upsert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _delete;

        public WriterStatements(SqliteConnection connection)
        {
            _createOnly = Command(connection,
                $"INSERT INTO {Table} (key, etag, value, updated_at) VALUES ($key, $etag, $value, datetime('now')) ON CONFLICT(key) DO NOTHING");
            _upsert = Command(connection, $"""
                INSERT INTO {Table} (key, etag, value, updated_at) VALUES ($key, $etag, $value, datetime('now'))
                ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
                """);
            _update = Command(connection,
                $"UPDATE {Table} SET etag = $etag, value = $value, updated_at = datetime('now') WHERE key = $key AND etag = $expected");
            _delete = Command(connection, $"DELETE FROM {Table} WHERE key = $key");
        }

        public void Use(SqliteTransaction transaction)
        {
            _createOnly.Transaction = transaction;
            _upsert.Transaction = transaction;
            _update.Transaction = transaction;
            _delete.Transaction = transaction;
        }

        /// <summary>Rows changed: 0 means the ETag did not match (or the create-only key exists).</summary>
        public int Write(string key, StoreItem item, string eTag)
        {
            var command = item.IsCreateOnly ? _createOnly : item.IsUnconditional ? _upsert : _update;
            command.Parameters["$key"].Value = key;
            command.Parameters["$etag"].Value = eTag;
            command.Parameters["$value"].Value = item.Value.GetRawText();
            if (command == _update)
            {
                command.Parameters["$expected"].Value = item.ETag;
            }

            return command.ExecuteNonQuery();
        }

        public void Delete(string key)
        {
            _delete.Parameters["$key"].Value = key;
            _delete.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _createOnly.Dispose();
            _upsert.Dispose();
            _update.Dispose();
            _delete.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$key", SqliteType.Text);
            if (sql.Contains("$etag", StringComparison.Ordinal))
            {
                command.Parameters.Add("$etag", SqliteType.Text);
                command.Parameters.Add("$value", SqliteType.Text);
            }

            if (sql.Contains("$expected", StringComparison.Ordinal))
            {
                command.Parameters.Add("$expected", SqliteType.Text);
            }

            return command;
        }
    }
}
