using SupportBot.Tickets;

namespace SupportBot.Threads;

/// <summary>Which ticket a thread belongs to, read inside the change that acts on it.</summary>
public static class ThreadTickets
{
    /// <summary>Every ticket living in the thread, newest first.</summary>
    public static List<Ticket> All(TicketChangeSet set, string channelId, string threadTs) =>
        set.Database.GetCollection<Ticket>(TicketStore.Collection)
            .Find(t => t.ThreadTs == threadTs && t.ChannelId == channelId)
            .OrderByDescending(t => t.Number).ToList();

    /// <summary>
    /// The newest ticket of the thread: a follow-up shares its closed original's thread, and from then on the
    /// thread's replies are the follow-up's.
    /// </summary>
    public static Ticket? Current(TicketChangeSet set, string channelId, string threadTs) =>
        All(set, channelId, threadTs).FirstOrDefault();
}
