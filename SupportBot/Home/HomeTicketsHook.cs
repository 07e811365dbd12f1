using SupportBot.Tickets;

namespace SupportBot.Home;

/// <summary>A change to a ticket marks its engineer's and its requester's Home due for a (debounced) refresh, in the same commit.</summary>
public sealed class HomeTicketsHook : ITicketsChangedHook
{
    public void OnChanging(TicketChangeSet set)
    {
        // a Slack requester's Home lists their requests too (a mail or GitHub requester has no Home)
        var requesters = set.Changed.Where(t => t.Via is null && !t.IsTask).Select(t => t.RequesterId);
        var users = set.Changed.Select(t => t.AssigneeId).OfType<string>().Concat(requesters).Distinct(StringComparer.Ordinal).ToList();
        HomeTabs.Touch(set.Session, users, set.Now);
    }
}
