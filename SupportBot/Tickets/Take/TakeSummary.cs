using System.Text;
using SupportBot.Customers;
using SupportBot.Slack;

namespace SupportBot.Tickets.Take;

/// <summary>The context an engineer needs right after taking tickets: customer, tier, CE, notes, requester, links.</summary>
public sealed class TakeSummary(CustomerDirectory customers)
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

    private string Context(Ticket ticket)
    {
        var e = SlackText.Escape;
        var customer = customers.ForChannel(ticket.ChannelId);
        var lines = new StringBuilder();
        lines.AppendLine($"> Customer: {e(ticket.CustomerName ?? "unknown")}{(ticket.Tier is null ? "" : $" ({e(ticket.Tier)})")}" +
                         $" · CE: {(ticket.CeId is null ? "none" : SlackText.User(ticket.CeId))} · Priority: {ticket.Priority}");
        if (!string.IsNullOrWhiteSpace(customer?.Notes))
            lines.AppendLine($"> Notes: {e(customer.Notes)}");
        lines.AppendLine(ticket.Via is null
            ? $"> Requester: {SlackText.User(ticket.RequesterId)} in {SlackText.Channel(ticket.ChannelId)}" +
              (TicketLinks.Thread(ticket) is { } link ? $" · {SlackText.Link(link, "open the thread")}" : "")
            : $"> Requester: {TicketPeople.RequesterMention(ticket)} · {TicketPeople.Source(ticket.Source)} in {TicketPeople.Where(ticket)}");
        return lines.ToString();
    }
}
