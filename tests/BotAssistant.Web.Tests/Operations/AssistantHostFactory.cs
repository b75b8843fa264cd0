using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>The real Program with the real assistant and in-memory state; settings override appsettings.json.</summary>
public sealed class AssistantHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Storage:Kind"] = "Memory",
        ["Transcripts:Kind"] = "Memory",
        ["Knowledge:ReloadOnChange"] = "false",
    };

    public AssistantHostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
}
