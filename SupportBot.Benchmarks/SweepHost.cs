using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Csat;
using SupportBot.Customers;
using SupportBot.Dashboard;
using SupportBot.Health;
using SupportBot.Home;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Sla;
using SupportBot.LiteDb;
using SupportBot.Postgres;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// The app's services (those that hook ticket changes included) over one database file, built but not started: no hosted services, so the outbox only
/// queues and nothing but the sweep under test touches the store. With <c>postgres</c> set, over that database instead.
/// </summary>
public static class SweepHost
{
    public static IHost Build(string dbPath, TimeProvider time, string? postgres = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(dbPath));
        if (postgres is not null)
            builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Postgres", postgres)]);
        builder.AddTime();
        builder.AddStorage();
        builder.AddLiteDbStore();
        builder.AddPostgresStore();
        builder.AddSlack();
        builder.AddOutbox();
        builder.AddCustomers();
        builder.AddTickets();
        builder.AddSla();
        builder.AddMetrics();
        builder.AddCsat();
        builder.AddHome();
        builder.AddDashboard();
        builder.Services.AddSingleton(time);
        return builder.Build();
    }

    private static Dictionary<string, string?> Settings(string dbPath)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:LiteDb"] = $"Filename={dbPath}",
            ["Slack:BotToken"] = "xoxb-bench", ["Slack:SigningSecret"] = "0123456789abcdef0123456789abcdef", ["Slack:SupportChannel"] = "C_SUPPORT",
            ["Slack:SupportTeam:0"] = "U_ENG1",
            ["Customers:0:Name"] = "Acme Corp", ["Customers:0:Channels:0"] = "C_ACME", ["Customers:0:Tier"] = "Enterprise",
            ["Sla:TimeZone"] = "UTC",
            // the policy SweepData stamps on every ticket: all three clocks run
            ["Sla:Policies:0:Match:Tier"] = "Enterprise", ["Sla:Policies:0:FirstResponse"] = "02:00:00",
            ["Sla:Policies:0:NextReply"] = "01:00:00", ["Sla:Policies:0:Resolution"] = "1.00:00:00",
        };
        foreach (var day in Enum.GetNames<DayOfWeek>())
            settings[$"Sla:BusinessHours:{day}"] = "00:00-24:00";
        return settings;
    }
}
