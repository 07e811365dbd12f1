namespace SupportBot.Email;

/// <summary>How far each mailbox has been read.</summary>
public interface IMailboxCursorRows
{
    MailboxCursor? Find(string mailbox);

    void Upsert(MailboxCursor cursor);
}
