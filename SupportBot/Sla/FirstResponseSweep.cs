using Microsoft.Extensions.Options;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>At-risk warnings, breach messages and capped reminders for tickets still waiting for a first response.</summary>
public sealed class FirstResponseSweep(DueTickets due, FirstResponseClock clock, SlaPolicy policy,
    IOptions<SlackOptions> slack, ILogger<FirstResponseSweep> logger, SupportBotMetrics metrics) : ISweep
{
    public int Run() => due.ForEach(SlaClock.NextCheck, Act);

    private bool Act(TicketChangeSet set, Ticket ticket)
    {
        var before = ticket.Sla.NextCheckAt;
        var kind = clock.Advance(ticket, set.Now);
        if (kind == FirstResponseNoticeKind.None)
        {
            if (ticket.Sla.NextCheckAt != before)
                set.Update(ticket); // stopped or re-stamped since it was queried
            return false;
        }
        set.Update(ticket);
        var waited = policy.BusinessElapsed(ticket.CreatedAt, set.Now);
        var message = OutboxMessages.Post(slack.Value.SupportChannel, FirstResponseNotice.Build(ticket, kind, waited, policy.Options));
        message.TicketNumber = ticket.Number;
        set.Send(message);
        var number = ticket.Number;
        set.AfterCommit(() => logger.LogInformation("SLA reminder ({Kind}) for ticket #{Number} queued to the support channel", kind, number));
        set.AfterCommit(() =>
        {
            if (kind == FirstResponseNoticeKind.Breach)
                metrics.SlaBreach();
            else
                metrics.SlaReminder(kind == FirstResponseNoticeKind.AtRisk ? "at_risk" : "reminder");
        });
        return true;
    }
}
