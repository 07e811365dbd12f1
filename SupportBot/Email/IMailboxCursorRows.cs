using SupportBot.Storage;

namespace SupportBot.Email;

/// <summary>How far each mailbox has been read.</summary>
public interface IMailboxCursorRows
{
    MailboxCursor? Find(string mailbox);

    void Upsert(MailboxCursor cursor);
}

/// <summary>Names the IMailboxCursorRows on a store session: <c>session.MailboxCursors</c>.</summary>
public static class MailboxCursorRowsAccess
{
    extension(IStoreSession session)
    {
        public IMailboxCursorRows MailboxCursors => session.Rows<IMailboxCursorRows>();
    }
}
