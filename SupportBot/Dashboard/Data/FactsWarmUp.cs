using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Slack;
using SupportBot.Slack.Users;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// Loads the dashboard's facts once the app has started, so the first Reports page after a restart is as fast as
/// the next (reading 100,000 tickets takes seconds; done in chunks, so Slack's requests slip in between). It waits
/// <see cref="DashboardOptions.WarmUpDelay"/> first, so a start-up's own work (the outbox catching up) goes first.
/// It lets the open tickets load first. It also asks for the team's and the assignees' names, so the first list a lead opens names people, not ids.
/// </summary>
public sealed class FactsWarmUp(TicketFacts facts, OpenTicketsLoader openTickets, IHostApplicationLifetime lifetime, IOptions<DashboardOptions> options,
    IOptions<SlackOptions> slack, SlackUserDirectory names, ILogger<FactsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken);
        // real time, not the app's clock: this is about the machine's start-up load, not about ticket deadlines
        await Task.Delay(options.Value.WarmUpDelay, stoppingToken);
        // both read the store a chunk per turn of its lock: at 1,000,000 tickets, reading every ticket for these
        // facts alongside made the open tickets, which Slack's /ticket waits for, take minutes instead of seconds
        await openTickets.WhenLoadedAsync(stoppingToken);
        try
        {
            var all = facts.All();
            logger.LogDebug("Dashboard facts loaded for {Count} tickets", all.Count);
            foreach (var id in slack.Value.SupportTeam.Concat(all.Where(t => t.IsOpen).Select(t => t.AssigneeId).OfType<string>()).Distinct(StringComparer.Ordinal))
                names.Known(id); // queues the lookup when the cache lacks the name

        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // the first page that needs them tries again
            logger.LogWarning(e, "Loading the dashboard's ticket facts failed; the first dashboard page will load them");
        }
        catch (Exception)
        {
            // stopping: the store may already be closed
        }
    }
}
