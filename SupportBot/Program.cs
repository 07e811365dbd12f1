using SupportBot.Customers;
using SupportBot.Health;
using SupportBot.Outbox;
using SupportBot.Scheduling;
using SupportBot.Sla;
using SupportBot.Threads;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;

if (args.Contains(HealthProbe.Flag))
    return await HealthProbe.RunAsync();
if (StoreCommandLine.Handles(args))
    return await StoreCommandLine.RunAsync(args);

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

var app = builder.Build();
if (!app.SettingsAreValid() || !app.StoreOpens())
    return 2;

app.UseSafeErrors();
app.MapHealth();
app.MapSlack();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
