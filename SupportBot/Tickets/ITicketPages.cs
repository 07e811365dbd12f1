namespace SupportBot.Tickets;

/// <summary>Where a ticket can be read whole (the dashboard's ticket page), implemented by the dashboard when it has a public URL.</summary>
public interface ITicketPages
{
    string? Url(int ticketNumber);
}
