using SupportBot.Csat;
using SupportBot.Customers;
using SupportBot.Dashboard;
using SupportBot.Health;
using SupportBot.Home;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Scheduling;
using SupportBot.Sla;
using SupportBot.Threads;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;

if (args.Contains(HealthProbe.Flag))
    return await HealthProbe.RunAsync();

var builder = WebApplication.CreateBuilder(args);

builder.AddTime();
builder.AddStorage();
builder.AddSlack();
builder.AddOutbox();
builder.AddCustomers();
builder.AddTickets();
builder.AddSla();
builder.AddScheduling();
builder.AddThreads();
builder.AddMetrics();
builder.AddCsat();
builder.AddHome();
builder.AddDashboard();

var app = builder.Build();
if (!app.SettingsAreValid())
    return 2;

app.UseSafeErrors();
app.MapHealth();
app.MapMetrics();
app.MapSlack();
app.MapDashboard();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
