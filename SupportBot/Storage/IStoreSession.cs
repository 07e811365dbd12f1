namespace SupportBot.Storage;

/// <summary>
/// What a read or a write sees of the store: one domain-named set of rows per kind of record, each with the
/// queries its feature needs. Each feature declares its rows interface and names it on the session with an extension
/// property (<c>session.Tickets</c>, <c>session.Outbox</c>), so this interface lists none of them; LiteDB and
/// PostgreSQL each implement every kind (docs/architecture.md: adding a stored record type).
/// </summary>
public interface IStoreSession
{
    /// <summary>The engine's rows of one kind (<c>ITicketRows</c>, <c>IOutboxRows</c>, …), made once per session.</summary>
    TRows Rows<TRows>() where TRows : class;
}
