using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Knowledge;

namespace BotAssistant.Web.Hosting;

/// <summary>
/// Loads the catalog, language model and wording before the host listens, so an invalid knowledge or dialogs file
/// stops the start with every error (file:line: problem) instead of failing the first user's turn.
/// </summary>
internal sealed partial class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>().Current;
            services.GetRequiredService<DialogTexts>();
            Log.Loaded(logger, knowledge.Catalog.Measures.Count, knowledge.Catalog.Documents.Count);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is BotAssistant.Policies.CatalogValidationException or DialogTextException)
        {
            Log.Invalid(logger, ex.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Catalog loaded: {Measures} measures from {Documents} documents")]
        public static partial void Loaded(ILogger logger, int measures, int documents);

        [LoggerMessage(2, LogLevel.Critical, "The host will not start: {Errors}")]
        public static partial void Invalid(ILogger logger, string errors);
    }
}
