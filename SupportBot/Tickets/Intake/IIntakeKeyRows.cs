using SupportBot.Storage;

namespace SupportBot.Tickets.Intake;

/// <summary>Requests that made a ticket, by key; a key is unique, so a request makes at most one ticket.</summary>
public interface IIntakeKeyRows
{
    IntakeKey? Find(string key);

    void Insert(IntakeKey key);

    void Update(IntakeKey key);
}

/// <summary>Names the IIntakeKeyRows on a store session: <c>session.IntakeKeys</c>.</summary>
public static class IntakeKeyRowsAccess
{
    extension(IStoreSession session)
    {
        public IIntakeKeyRows IntakeKeys => session.Rows<IIntakeKeyRows>();
    }
}
