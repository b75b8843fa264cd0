using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BotAssistant.Web.Tests.Assistant;

/// <summary>The real Program with the real assistant, in-memory state, judging policies on a fixed date.</summary>
public sealed class AssistantHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Storage:Kind"] = "Memory",
        ["Transcripts:Kind"] = "Memory",
        ["Assistant:AsOf"] = "2026-12-01",
    };

    public AssistantHostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
}
