using SupportBot.Tickets;

namespace SupportBot.Home;

/// <summary>A change to an engineer's ticket marks their Home due for a (debounced) refresh, in the same commit.</summary>
public sealed class HomeTicketsHook : ITicketsChangedHook
{
    public void OnChanging(TicketChangeSet set)
    {
        foreach (var assignee in set.Changed.Select(t => t.AssigneeId).OfType<string>().Distinct(StringComparer.Ordinal))
            HomeTabs.Touch(set.Session, assignee, set.Now);
    }
}
