using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using BotAssistant.Web.Hosting;
using Microsoft.Extensions.Options;

using IMiddleware = BotAssistant.Bot.Turn.IMiddleware;

namespace BotAssistant.Web.Operations;

public static class OperationsHosting
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// Probes, metrics, the catalog watcher, per-conversation ordering and both rate limits. Call after
    /// AddBotRuntime: the gate and the conversation limit go in front of the runtime's middleware.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<TurnMetrics>();
        services.AddSingleton<ConversationGate>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<KnowledgeReloadService>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloadService>());
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag]);

        // Ordering and the limit must wrap the transcript and the state load, so they go before the runtime's own
        // middleware; adapters resolve IEnumerable<IMiddleware> in registration order.
        var first = Enumerable.Range(0, services.Count).FirstOrDefault(i => services[i].ServiceType == typeof(IMiddleware), services.Count);
        services.Insert(first, ServiceDescriptor.Singleton<IMiddleware>(sp => sp.GetRequiredService<ConversationGate>()));
        services.Insert(first + 1, ServiceDescriptor.Singleton<IMiddleware>(sp => sp.GetRequiredService<ConversationRateLimiter>()));
        // Metrics and the turn counter sit inside auto-save: the counter is saved with the turn's state, or not at all.
        services.AddSingleton<IMiddleware, TurnMetricsMiddleware>();
        services.AddSingleton<IMiddleware, TurnCounterMiddleware>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ClientPartition);
        });
        return builder;
    }

    /// <summary>The rate limiter and a last-resort error handler (a generic body, never a stack trace).</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(error => error.Run(http =>
            Problems.WriteAsync(http, StatusCodes.Status500InternalServerError, "服务内部错误，请稍后再试。 An internal error occurred; try again later.")));
        app.UseRateLimiter();
        return app;
    }

    /// <summary>GET /healthz (the process answers), /readyz (store and catalog) and /metrics (JSON).</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapGet("/metrics", (TurnMetrics metrics, ConversationGate gate, KnowledgeReloadService reload) => Results.Json(new
        {
            turns = metrics.Snapshot(),
            activeTurnConversations = gate.ActiveConversations,
            catalogReloadAttempts = reload.Attempts,
            process = ProcessMemory.Read(),
        })).WithName("Metrics");
        return app;
    }

    private static RateLimitPartition<string> ClientPartition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var limit = options.PerClient;
        // WeChat traffic all comes from the platform's few addresses, so a per-address limit would throttle every
        // user at once; the per-conversation limit covers it. Probes and pages are not limited either.
        var path = http.Request.Path;
        var limited = limit.Enabled && (path.StartsWithSegments("/api/messages") || path.StartsWithSegments("/v3/directline")
            || path.StartsWithSegments("/api/directline"));
        if (!limited)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!options.LimitLoopback && IPAddress.IsLoopback(address))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerClient.WindowSeconds;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "请求太频繁，请稍后再试。 Too many requests; try again later.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
