using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// Tells the team that a message was set aside, in the same commit that sets it aside: the ticket domain knows
/// where the team works on the ticket (its triage-card thread in #customer-support) and who asked for it.
/// </summary>
public interface IUndeliveredNotices
{
    /// <summary>
    /// Queues the notices for <paramref name="message"/> (already marked set aside in <paramref name="session"/>),
    /// unless one was already given for its ticket and cause.
    /// </summary>
    void Queue(IStoreSession session, OutboxMessage message, string reason, DateTime now);
}
