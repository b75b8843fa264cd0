namespace BotAssistant.Bot.Hosting;

public enum StorageKind
{
    Memory,
    Sqlite,
    Redis,
    Postgres,
}

/// <summary>Configuration section "Storage": where conversation and user state live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>Relative paths are resolved against the repository root.</summary>
    public string SqlitePath { get; set; } = "data/botassistant.db";

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6390".</summary>
    public string? Redis { get; set; }

    public string RedisKeyPrefix { get; set; } = "botassistant:state:";

    /// <summary>Npgsql connection string.</summary>
    public string? Postgres { get; set; }

    public string PostgresTable { get; set; } = "bot_state";
}

public enum TranscriptKind
{
    None,
    Memory,
    Sqlite,
}

/// <summary>Configuration section "Transcripts".</summary>
public sealed class TranscriptOptions
{
    public const string Section = "Transcripts";

    public TranscriptKind Kind { get; set; } = TranscriptKind.Sqlite;

    public string SqlitePath { get; set; } = "data/botassistant.db";
}
