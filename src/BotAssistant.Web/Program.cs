using BotAssistant.Web.CatalogApi;
using BotAssistant.Web.Channels.DirectLine;
using BotAssistant.Web.Channels.WeChat;
using BotAssistant.Web.Endpoints;
using BotAssistant.Web.Hosting;
using BotAssistant.Web.Operations;
using BotAssistant.Web.Staff;

var builder = BotHosting.CreateBuilder(args);
builder.AddBotRuntime();
builder.AddKnowledge();
builder.AddAssistant();
builder.AddDirectLine();
builder.AddWeChat();
builder.AddOperations();

var app = builder.Build();
app.UseOperations();
app.MapOperations();
app.MapBotMessages();
app.MapDirectLine();
app.MapWeChat();
app.MapCatalogApi();
app.MapStaffPages();

app.Run();

public partial class Program;
