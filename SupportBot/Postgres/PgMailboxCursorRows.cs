using SupportBot.Email;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public sealed class PgMailboxCursorRows(PgSession s) : IMailboxCursorRows
{
    public MailboxCursor? Find(string mailbox) => s.Rows(
        $"select mailbox, uid_validity, last_uid from mailbox_cursors where mailbox = @mailbox{s.ForUpdate}",
        r => new MailboxCursor { Mailbox = r.GetString(0), UidValidity = (uint)r.GetInt64(1), LastUid = (uint)r.GetInt64(2) },
        ("mailbox", mailbox)).FirstOrDefault();

    public void Upsert(MailboxCursor cursor) => s.Execute("""
        insert into mailbox_cursors (mailbox, uid_validity, last_uid) values (@mailbox, @validity, @uid)
        on conflict (mailbox) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid
        """, ("mailbox", cursor.Mailbox), ("validity", (long)cursor.UidValidity), ("uid", (long)cursor.LastUid));
}
