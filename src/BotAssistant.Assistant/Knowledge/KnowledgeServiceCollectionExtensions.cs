using BotAssistant.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotAssistant.Assistant.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The catalog and language model as one reloadable <see cref="KnowledgeBase"/> (configuration section "Knowledge").</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var knowledge = layout.Resolve(options.Directory);
            return new KnowledgeBase(
                knowledge,
                options.ResolveSources(knowledge),
                options.ExtraDictionaries.Select(layout.Resolve).ToList(),
                options.MaxInputChars,
                sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
