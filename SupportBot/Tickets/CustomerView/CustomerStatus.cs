namespace SupportBot.Tickets.CustomerView;

/// <summary>
/// A status as the customer reads it: what is happening and whose move it is, without Zendesk's words
/// ("Pending" reads to a customer as if we were the ones waiting).
/// </summary>
public static class CustomerStatus
{
    public static string Words(TicketStatus status) => status switch
    {
        TicketStatus.New => "Received",
        TicketStatus.Open => "In progress",
        TicketStatus.Pending => "Waiting for your reply",
        TicketStatus.OnHold => "On hold",
        TicketStatus.Solved => "Solved",
        _ => "Closed",
    };
}
