using System.Text;
using SupportBot.Customers;
using SupportBot.Slack;

namespace SupportBot.Tickets.Take;

/// <summary>
/// The context an engineer needs right after taking tickets (seed step 5): the customer's record, their other open
/// tickets, similar solved tickets and how they were resolved. <see cref="Context"/> also feeds the hand-off DM.
/// </summary>
public sealed class TakeSummary(CustomerDirectory customers, TicketContext context)
{
    public string Describe(IReadOnlyList<TakeOutcome> outcomes)
    {
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            text.AppendLine(outcome.Message);
            if (outcome is { Taken: true, Ticket: { } ticket })
                text.Append(Context(ticket));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The ticket's context in a few quoted lines, ending with a line break: after a take, and in a hand-off's DM to the new holder.</summary>
    public string Context(Ticket ticket)
    {
        var e = SlackText.Escape;
        var customer = customers.ForChannel(ticket.ChannelId);
        var lines = new StringBuilder();
        lines.AppendLine($"> Customer: {e(customer?.Name ?? ticket.CustomerName ?? "unknown")}{Tier(customer?.Tier ?? ticket.Tier)}" +
                         $"{TicketContext.Stage(customer)} · {TicketContext.Ce(customer, ticket)} · Priority: {ticket.Priority}");
        if (!string.IsNullOrWhiteSpace(customer?.Notes))
            lines.AppendLine($"> Notes: {e(customer.Notes)}");
        lines.Append(TicketContext.Record(customer));
        lines.AppendLine(ticket.Via is null
            ? $"> Requester: {SlackText.User(ticket.RequesterId)} in {SlackText.Channel(ticket.ChannelId)}" +
              (TicketLinks.Thread(ticket) is { } link ? $" · {SlackText.Link(link, "open the thread")}" : "")
            : $"> Requester: {TicketPeople.RequesterMention(ticket)} · {TicketPeople.Source(ticket.Source)} in {TicketPeople.Where(ticket)}");
        lines.Append(context.OtherOpen(ticket, customer));
        lines.Append(context.SimilarSolved(ticket));
        return lines.ToString();
    }

    private static string Tier(string? tier) => tier is null ? "" : $" ({SlackText.Escape(tier)})";
}
