using BotAssistant.Assistant.Knowledge;
using BotAssistant.Web.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>The watcher on a copy of knowledge/: a valid edit swaps the catalog in, an invalid one is rejected.</summary>
public sealed class CatalogReloadTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _knowledge = Path.Combine(Path.GetTempPath(), "botassistant-reload-" + Guid.NewGuid().ToString("N"));
    private readonly AssistantHostFactory _factory;

    public CatalogReloadTests()
    {
        Copy(Path.Combine(RepositoryRoot(), "knowledge"), _knowledge);
        _factory = new AssistantHostFactory()
            .With("Knowledge:Directory", _knowledge)
            .With("Knowledge:ReloadOnChange", "true")
            .With("Operations:ReloadDebounceMilliseconds", "200");
    }

    [Fact]
    public async Task A_valid_edit_is_loaded_and_an_invalid_one_keeps_the_old_catalog()
    {
        _ = _factory.CreateClient();
        var knowledge = _factory.Services.GetRequiredService<KnowledgeBase>();
        var reload = _factory.Services.GetRequiredService<KnowledgeReloadService>();
        var policy = Directory.GetFiles(Path.Combine(_knowledge, "policies"), "*.yaml").Order(StringComparer.Ordinal).First();
        var original = await File.ReadAllTextAsync(policy);
        var measures = knowledge.Current.Catalog.Measures.Count;

        await File.WriteAllTextAsync(policy, original + "\n# reviewed\n");
        await Waiting.UntilAsync(() => knowledge.Current.Generation == 2, Timeout, "the valid edit is loaded");

        await File.WriteAllTextAsync(policy, original.Replace("measures:", "measures: [unclosed", StringComparison.Ordinal));
        await Waiting.UntilAsync(() => reload.Attempts >= 2, Timeout, "the invalid edit is tried");

        Assert.Equal(2, knowledge.Current.Generation);
        Assert.Equal(measures, knowledge.Current.Catalog.Measures.Count);
        Assert.NotEmpty(reload.LastErrors);
        using var ready = await _factory.CreateClient().GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BotAssistant.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BotAssistant.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_knowledge, recursive: true);
    }
}
