using BotAssistant.Assistant;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Bot.Hosting;

namespace BotAssistant.Web.Hosting;

public static class BotHosting
{
    /// <summary>
    /// A builder whose content root is the repository root, so appsettings.json there is the one configuration file.
    /// Environment variables override it as Section__Key, or BOTASSISTANT_Section__Key.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var layout = RepositoryLayout.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var webRoot = Path.Combine(layout.Root, "src", "BotAssistant.Web", "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The content root is the repository, and reloading appsettings on change means watching all of it
            // (git objects, node_modules, the state database's every write). Knowledge files have their own watcher;
            // a changed appsettings.json takes a restart. Later arguments may still turn reloading back on.
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = layout.Root,
            WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
        });
        // The slim builder leaves out IIS integration, event-log providers and the regex route constraint, none of
        // which this host uses; HTTPS endpoints from configuration are put back.
        builder.WebHost.UseKestrelHttpsConfiguration();
        // The slim builder fixes the console format to "simple"; Logging:Console:FormatterName (json, systemd) wins
        // again, so a log collector can still be given JSON lines.
        builder.Logging.AddConsole();
        builder.Services.PostConfigure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console =>
        {
            if (builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
            {
                console.FormatterName = formatter;
            }
        });
        builder.Configuration.AddEnvironmentVariables("BOTASSISTANT_");
        // Command-line arguments keep the last word over the prefixed variables.
        builder.Configuration.AddCommandLine(args);
        builder.Services.AddSingleton(layout);
        return builder;
    }

    /// <summary>The bot runtime with options from configuration sections Bot, Storage and Transcripts.</summary>
    public static WebApplicationBuilder AddBotRuntime(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBotRuntime(builder.Configuration, Layout(builder));
        return builder;
    }

    /// <summary>The catalog and language model (configuration section Knowledge), shared by the bot, the staff pages and the API.</summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKnowledge(builder.Configuration, Layout(builder));
        return builder;
    }

    /// <summary>The assistant as the IBot, with its knowledge, wording and options (sections Assistant and Knowledge).</summary>
    public static WebApplicationBuilder AddAssistant(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAssistant(builder.Configuration, Layout(builder));
        builder.Services.AddHostedService<KnowledgeWarmup>();
        return builder;
    }

    /// <summary>The repository the host runs from: found above the content root, the working directory or the binaries.</summary>
    private static RepositoryLayout Layout(WebApplicationBuilder builder) =>
        RepositoryLayout.TryLocate(builder.Environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
        ?? new RepositoryLayout(builder.Environment.ContentRootPath);
}
