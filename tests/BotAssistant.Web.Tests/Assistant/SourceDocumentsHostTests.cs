using BotAssistant.Policies;

namespace BotAssistant.Web.Tests.Assistant;

/// <summary>The host checks quotes against knowledge/sources and will not start without them.</summary>
public sealed class SourceDocumentsHostTests
{
    [Fact]
    public void The_host_refuses_to_start_when_the_sources_folder_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-sources-" + Guid.NewGuid().ToString("N"));
        using var factory = new AssistantHostFactory().With("Knowledge:SourcesDirectory", missing);
        var error = Assert.ThrowsAny<CatalogValidationException>(() => factory.CreateClient());
        Assert.Contains(error.Errors, e => e.File == missing && e.Message.StartsWith("sources directory not found", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.File.EndsWith("pingliang-2023-75.yaml", StringComparison.Ordinal) && e.Line > 0
            && e.Message.Contains("seed file '000_8c9aaf7e976ee626.txt' not found", StringComparison.Ordinal));
    }

    [Fact]
    public void By_default_the_host_checks_against_the_sources_inside_the_knowledge_folder()
    {
        using var factory = new AssistantHostFactory();
        using var client = factory.CreateClient();
        var knowledge = (BotAssistant.Assistant.Knowledge.KnowledgeBase)factory.Services.GetService(typeof(BotAssistant.Assistant.Knowledge.KnowledgeBase))!;
        Assert.Equal(Path.Combine(knowledge.KnowledgeDirectory, "sources"), knowledge.SourcesDirectory);
    }
}
