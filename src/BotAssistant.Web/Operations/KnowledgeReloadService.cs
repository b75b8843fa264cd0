using BotAssistant.Assistant.Knowledge;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Watches the knowledge folder and reloads the catalog once edits settle (Knowledge:ReloadOnChange). Editors and
/// git write a file in several steps, so each change restarts a quiet period and only the last one triggers
/// <see cref="KnowledgeBase.Reload"/>, which keeps the catalog in use when the new files are invalid.
/// </summary>
public sealed partial class KnowledgeReloadService(
    KnowledgeBase knowledge, IOptions<KnowledgeOptions> knowledgeOptions, IOptions<OperationsOptions> options, ILogger<KnowledgeReloadService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    /// <summary>Completed reload attempts (successful or rejected), for tests and /metrics.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<string> LastErrors { get; private set; } = [];

    private int _attempts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!knowledgeOptions.Value.ReloadOnChange || !Directory.Exists(knowledge.KnowledgeDirectory))
        {
            return;
        }

        using var watcher = new FileSystemWatcher(knowledge.KnowledgeDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Signal();
        watcher.Created += (_, _) => Signal();
        watcher.Deleted += (_, _) => Signal();
        watcher.Renamed += (_, _) => Signal();
        watcher.Error += (_, e) => Log.WatcherError(logger, e.GetException());
        watcher.EnableRaisingEvents = true;
        Log.Watching(logger, knowledge.KnowledgeDirectory);

        var quiet = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.ReloadDebounceMilliseconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                // Debounce: keep waiting while changes keep coming.
                while (await _changed.WaitAsync(quiet, stoppingToken).ConfigureAwait(false))
                {
                }

                ReloadOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A change is already pending; one reload covers both.
        }
    }

    private void ReloadOnce()
    {
        IReadOnlyList<string> errors;
        try
        {
            errors = knowledge.Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file vanished between listing and reading (a save in progress); the next event retries.
            errors = [ex.Message];
        }

        LastErrors = errors;
        Interlocked.Increment(ref _attempts);
        if (errors.Count == 0)
        {
            Log.Reloaded(logger, knowledge.Current.Generation, knowledge.Current.Catalog.Measures.Count);
            return;
        }

        Log.Rejected(logger, errors.Count, knowledge.Current.Generation);
        foreach (var error in errors.Take(20))
        {
            Log.ReloadError(logger, error);
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Watching {Directory} for catalog changes")]
        public static partial void Watching(ILogger logger, string directory);

        [LoggerMessage(2, LogLevel.Information, "Catalog reloaded: generation {Generation}, {Measures} measures")]
        public static partial void Reloaded(ILogger logger, int generation, int measures);

        [LoggerMessage(3, LogLevel.Error, "Catalog edit rejected with {Count} errors; generation {Generation} stays in use")]
        public static partial void Rejected(ILogger logger, int count, int generation);

        [LoggerMessage(4, LogLevel.Error, "Catalog error: {Error}")]
        public static partial void ReloadError(ILogger logger, string error);

        [LoggerMessage(5, LogLevel.Warning, "The knowledge folder watcher failed")]
        public static partial void WatcherError(ILogger logger, Exception exception);
    }
}
