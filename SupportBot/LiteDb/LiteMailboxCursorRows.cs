using LiteDB;
using SupportBot.Email;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteMailboxCursorRows(LiteDatabase db) : IMailboxCursorRows
{
    public const string Collection = "mailbox_cursors";

    private ILiteCollection<MailboxCursor> Cursors => db.GetCollection<MailboxCursor>(Collection);

    public MailboxCursor? Find(string mailbox) => Cursors.ById(mailbox);

    public void Upsert(MailboxCursor cursor) => Cursors.Upsert(cursor);

    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<MailboxCursor>(db);
}
