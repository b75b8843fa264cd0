using BotAssistant.Web.Channels.DirectLine;
using BotAssistant.Web.Channels.WeChat;
using BotAssistant.Web.Endpoints;
using BotAssistant.Web.Hosting;

var builder = BotHosting.CreateBuilder(args);
builder.AddBotRuntime();
builder.AddKnowledge();
builder.AddDirectLine();
builder.AddWeChat();
// Teams add their registrations here, e.g. builder.AddAssistant();

var app = builder.Build();
app.MapBotMessages();
app.MapDirectLine();
app.MapWeChat();
// Teams add their endpoints here, e.g. app.MapDirectLine(); app.MapWeChat(); app.MapStaff();

app.Run();

public partial class Program;
