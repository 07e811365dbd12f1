using SupportBot.Slack.Users;

namespace SupportBot.Tickets.CustomerView;

/// <summary>A requester's open requests as customer views: for their <c>/ticket</c> list and their App Home.</summary>
public sealed class CustomerViews(TicketStore store, SlackUserDirectory names)
{
    /// <summary>
    /// Oldest first. Tasks never: one whose author has left the team would otherwise show them the team's to-do.
    /// Each is read whole (the list of open tickets has no assignee name or update time), a handful per customer.
    /// </summary>
    public IReadOnlyList<CustomerTicketView> Requests(string requesterId) =>
        store.RequestedBy(requesterId).Where(t => !t.IsTask)
            .Select(t => store.Find(t.Number)).OfType<Ticket>()
            .Select(t => CustomerTicketView.Of(t, names)).ToList();
}
