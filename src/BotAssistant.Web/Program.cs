using BotAssistant.Web.CatalogApi;
using BotAssistant.Web.Channels.DirectLine;
using BotAssistant.Web.Channels.WeChat;
using BotAssistant.Web.Endpoints;
using BotAssistant.Web.Hosting;
using BotAssistant.Web.Operations;
using BotAssistant.Web.Staff;

try
{
    var builder = BotHosting.CreateBuilder(args);
    builder.AddForwardedHeaders();
    builder.AddBotRuntime();
    builder.AddKnowledge();
    builder.AddAssistant();
    builder.AddDirectLine();
    builder.AddWeChat();
    builder.AddOperations();

    var app = builder.Build();
    // First: everything after it (error bodies, rate limits, streamUrl) sees the caller's scheme, host and address.
    app.UseForwardedHeadersFromSettings();
    app.UseOperations();
    app.MapOperations();
    app.MapBotMessages();
    app.MapDirectLine();
    app.MapWeChat();
    app.MapCatalogApi();
    app.MapStaffPages();

    app.Run();
    return 0;
}
catch (HostConfigurationException ex)
{
    Console.Error.WriteLine($"BotAssistant will not start: {ex.Message}");
    return 1;
}

public partial class Program;
