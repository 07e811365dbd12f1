namespace SupportBot.Tickets;

/// <summary>
/// Sees every ticket change just before it commits, inside its transaction (<see cref="TicketChangeSet.Changed"/>):
/// for features that follow tickets wholesale, such as the engineers' App Home tabs.
/// </summary>
public interface ITicketsChangedHook
{
    void OnChanging(TicketChangeSet set);
}
