using BotAssistant.Bot.Turn;
using BotAssistant.Web.Channels.DirectLine.Conversations;
using BotAssistant.Web.Channels.DirectLine.Endpoints;
using BotAssistant.Web.Channels.DirectLine.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine;

public static class DirectLineHosting
{
    /// <summary>The Direct Line 3.0 endpoint's services, options from configuration section DirectLine.</summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ChannelAdapter>();
        builder.Services.TryAddSingleton<DirectLineTokens>();
        var settings = builder.Configuration.GetSection(DirectLineOptions.Section).Get<DirectLineOptions>() ?? new DirectLineOptions();
        if (settings.Log == ConversationLogKind.Redis)
        {
            var configuration = settings.Redis is { Length: > 0 } own ? own : builder.Configuration["Storage:Redis"];
            if (string.IsNullOrWhiteSpace(configuration))
            {
                throw new InvalidOperationException("DirectLine:Log is Redis, but neither DirectLine:Redis nor Storage:Redis is set.");
            }

            builder.Services.TryAddSingleton<IConversationLog>(sp => new RedisConversationLog(
                RedisConnections.Connect(configuration), sp.GetRequiredService<IOptions<DirectLineOptions>>()));
        }

        builder.Services.TryAddSingleton<IConversationLog, MemoryConversationLog>();
        builder.Services.TryAddSingleton<DirectLineTurns>();
        return builder;
    }

    /// <summary>
    /// /v3/directline/… for the official clients, POST /api/directline/token for the page, and the Web Chat page
    /// itself at / (static files from wwwroot).
    /// </summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IBot)))
        {
            throw new InvalidOperationException(
                "No IBot is registered. Add builder.AddAssistant() (or builder.Services.AddSingleton<IBot, YourBot>()) before builder.Build().");
        }

        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var group = app.MapGroup("/v3/directline");
        ConversationEndpoints.Map(group);
        ActivityEndpoints.Map(group);
        StreamEndpoint.Map(group);
        app.MapPost("/api/directline/token", PageToken).WithName("DirectLinePageToken");
        return app;
    }

    /// <summary>A token for one new conversation and user, so the page never needs the secret.</summary>
    private static IResult PageToken(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (!options.Value.PageTokens)
        {
            return Results.NotFound();
        }

        var conversationId = ConversationEndpoints.NewConversationId();
        var userId = ConversationEndpoints.NewUserId();
        var token = tokens.Issue(conversationId, userId);
        return Results.Json(new PageTokenResponse(token, conversationId, userId, (int)tokens.Lifetime.TotalSeconds));
    }
}
