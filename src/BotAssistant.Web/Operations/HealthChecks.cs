using BotAssistant.Assistant.Knowledge;
using BotAssistant.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Operations;

/// <summary>Reads one key from the state store within the configured timeout; missing is fine, unreachable is not.</summary>
public sealed partial class StorageHealthCheck(IStorage storage, IOptions<OperationsOptions> options, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    private static readonly string[] ProbeKey = ["ops/readiness-probe"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.ReadinessTimeoutMilliseconds)));
        try
        {
            await storage.ReadAsync(ProbeKey, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{storage.GetType().Name} answered");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{storage.GetType().Name} did not answer within {options.Value.ReadinessTimeoutMilliseconds} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // /readyz is public: the exception (type, message, connection details) goes to the log only.
            Log.ProbeFailed(logger, ex, storage.GetType().Name);
            return HealthCheckResult.Unhealthy($"{storage.GetType().Name} failed to answer (see the host's log)");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Readiness probe: {Store} failed")]
        public static partial void ProbeFailed(ILogger logger, Exception exception, string store);
    }
}

/// <summary>Ready once a catalog with measures is in use (start-up refuses an invalid one; reloads keep the old one).</summary>
public sealed class CatalogHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = knowledge.Current;
        var data = new Dictionary<string, object>
        {
            ["measures"] = snapshot.Catalog.Measures.Count,
            ["generation"] = snapshot.Generation,
            ["loadedAt"] = snapshot.LoadedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        return Task.FromResult(snapshot.Catalog.Measures.Count > 0
            ? HealthCheckResult.Healthy($"{snapshot.Catalog.Measures.Count} measures, generation {snapshot.Generation}", data)
            : HealthCheckResult.Unhealthy("the catalog has no measures", data: data));
    }
}
