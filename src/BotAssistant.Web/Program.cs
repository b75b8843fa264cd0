using BotAssistant.Web.CatalogApi;
using BotAssistant.Web.Endpoints;
using BotAssistant.Web.Hosting;
using BotAssistant.Web.Staff;

var builder = BotHosting.CreateBuilder(args);
builder.AddBotRuntime();
builder.AddKnowledge();
builder.AddAssistant();

var app = builder.Build();
app.MapBotMessages();
app.MapCatalogApi();
app.MapStaffPages();
// Teams add their endpoints here, e.g. app.MapDirectLine(); app.MapWeChat(); app.MapStaff();

app.Run();

public partial class Program;
