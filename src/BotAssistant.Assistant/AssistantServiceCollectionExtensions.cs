using BotAssistant.Assistant.Conversation;
using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Bot.Hosting;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotAssistant.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The assistant as the host's IBot, with its knowledge (section Knowledge), wording (dialogs/) and options (section Assistant).</summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        services.AddKnowledge(configuration, layout);
        services.AddOptions<AssistantOptions>().Bind(configuration.GetSection(AssistantOptions.Section));
        services.TryAddSingleton(_ => DialogTexts.Load(layout.DialogsDirectory, []));
        services.TryAddSingleton(sp => new AssistantBrain(
            sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<DialogTexts>(), sp.GetRequiredService<IOptions<AssistantOptions>>().Value));
        services.TryAddSingleton<IBot, AssistantBot>();
        return services;
    }
}
