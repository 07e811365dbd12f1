namespace SupportBot.Outbox;

/// <summary>The queued messages: inserted in the transaction of their cause, deleted once delivered.</summary>
public interface IOutboxRows
{
    /// <summary>Stores the message with a new id; ids never repeat and grow in commit order.</summary>
    void Insert(OutboxMessage message);

    void Update(OutboxMessage message);

    void Delete(long id);

    /// <summary>Undelivered messages queued after <paramref name="afterId"/>, oldest first.</summary>
    List<OutboxMessage> PendingAfter(long afterId, int limit);

    int CountPending();

    int CountSetAside();

    /// <summary>Messages Slack refused for good, oldest first.</summary>
    List<OutboxMessage> SetAside();
}
