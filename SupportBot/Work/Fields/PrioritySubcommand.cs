using Microsoft.Extensions.Options;
using SupportBot.Sla;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

using SupportBot.Time;

namespace SupportBot.Work.Fields;

/// <summary>
/// <c>/status 12 priority urgent</c>: the first-response due time is recomputed from the ticket's creation for the
/// new priority, and the reminders follow it (one that is overdue by the change goes out on the next sweep, once).
/// </summary>
public sealed class PrioritySubcommand(TicketStore store, FirstResponseClock clock, IOptions<SlackOptions> slack) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["priority"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 priority urgent|high|normal|low` changes its priority and SLA due time";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Change(request)));

    private string Change(StatusRequest request)
    {
        var number = request.RequiredTicket.Number;
        if (Parse(request.Rest) is not { } to)
            return $"#{number} stays {request.RequiredTicket.Priority}: `{SlackText.Quote(request.Rest)}` is not a priority. " +
                   $"Use one of: urgent, high, normal, low (e.g. `{request.Command} {number} priority high`).";
        return store.Change(set =>
        {
            var ticket = set.Find(number)!;
            var from = ticket.Priority;
            if (from == to)
                return $"#{number} is already {to}.";
            ticket.Priority = to;
            if (!ticket.IsTask)
                clock.Stamp(ticket, set.Now); // Tasks have no SLA
            ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = request.UserId, What = $"Priority {from} → {to}" });
            set.Update(ticket);
            set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
            return $"#{number} is now *{to}* priority.{Due(ticket)}";
        });
    }

    /// <summary>The names only: Enum.TryParse would also take "2" or "urgent,high".</summary>
    public static Priority? Parse(string word) =>
        Enum.GetValues<Priority>().Cast<Priority?>().FirstOrDefault(p => p.ToString()!.Equals(word.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Due(Ticket t) =>
        t.IsTask || t.FirstResponseAt is not null || t.FirstResponseDueAt is not { } due ? ""
            : $" First response due {Durations.Stamp(due)}.";
}
