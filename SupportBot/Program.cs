using SupportBot.Ai;
using SupportBot.Cli;
using SupportBot.Csat;
using SupportBot.Customers;
using SupportBot.Dashboard;
using SupportBot.Discord;
using SupportBot.Email;
using SupportBot.Health;
using SupportBot.Home;
using SupportBot.Intake;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Scheduling;
using SupportBot.Search;
using SupportBot.Similarity;
using SupportBot.Sla;
using SupportBot.Slack;
using SupportBot.LiteDb;
using SupportBot.Macros;
using SupportBot.Postgres;
using SupportBot.Rotation;
using SupportBot.Storage;
using SupportBot.Tags;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Work;

if (args.Contains(HealthProbe.Flag))
    return await HealthProbe.RunAsync();
if (CommandLine.Run(args) is { } exit)
    return exit;
if (StoreCommandLine.Handles(args))
    return await StoreCommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = SupportBot.Cli.AppFolder.ContentRoot(args) });

builder.AddTime();
builder.AddHealthProbes();
builder.AddPortInUseMessage();
builder.AddLogFormats();
builder.AddStorage();
builder.AddLiteDbStore();
builder.AddPostgresStore();
builder.AddSlack();
builder.AddOutbox();
builder.AddCustomers();
builder.AddTickets();
builder.AddSearch();
builder.AddSimilarity();
builder.AddWork();
builder.AddSla();
builder.AddTags();
builder.AddRotation();
builder.AddScheduling();
builder.AddThreads();
builder.AddIntake();
builder.AddEmail();
builder.AddDiscord();
builder.AddMacros();
builder.AddAi();
builder.AddMetrics();
builder.AddCsat();
builder.AddHome();
builder.AddDashboard();

var app = builder.Build();
if (!app.SettingsAreValid() || !app.PostgresSchemaReady() || !app.StoreOpens())
    return 2;

app.UseSafeErrors();
app.UseSecurityHeaders();
app.MapHealth();
app.MapMetrics();
app.MapSlack();
app.MapIntake();
app.MapDashboard();

return await app.RunOrExplainAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
