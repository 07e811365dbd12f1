using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Macros;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// Writes records under the keys they already have (<c>migrate-store</c>), unlike the rows' inserts, which number
/// them anew. Each method inserts the row, or rewrites it when it differs, and returns the rows it wrote: a record
/// already there unchanged writes nothing, so copying the same file twice leaves the database as the first copy did.
/// </summary>
public sealed class PgRestore(PgSession s)
{
    private HashSet<int>? _tickets;

    /// <summary>A new row takes the next revision (the insert's <c>nextval</c>); a row already there keeps its own unless it changes.</summary>
    public int Ticket(Ticket ticket)
    {
        _tickets ??= s.Rows("select number from tickets", r => r.GetInt32(0)).ToHashSet();
        return _tickets.Add(ticket.Number)
            ? s.Execute(PgTicketRows.InsertSql, PgTicketRows.Columns(ticket))
            : s.Execute(PgTicketRows.UpdateSql + " and doc is distinct from @doc", PgTicketRows.Columns(ticket));
    }

    public int OutboxMessage(OutboxMessage message) => s.Execute("""
        insert into outbox (id, lane, failed, next_attempt_at, doc) values (@id, @lane, @failed, @next, @doc)
        on conflict (id) do update set lane = excluded.lane, failed = excluded.failed, next_attempt_at = excluded.next_attempt_at,
            doc = excluded.doc
        where outbox.doc::jsonb is distinct from excluded.doc::jsonb
        """, ("id", message.Id), ("lane", message.Lane), ("failed", message.Failed), ("next", message.NextAttemptAt),
        ("doc", new Jsonb(PgJson.Write(message))));

    public int IntakeKey(IntakeKey key) => s.Execute("""
        insert into intake_keys (id, ticket_number, at) values (@id, @ticket, @at)
        on conflict (id) do update set ticket_number = excluded.ticket_number, at = excluded.at
        where (intake_keys.ticket_number, intake_keys.at) is distinct from (excluded.ticket_number, excluded.at)
        """, ("id", key.Id), ("ticket", key.TicketNumber), ("at", key.At));

    public int Event(StoredEvent stored) => s.Execute("""
        insert into events (event_id, sequence, received_at, processed_at, doc) values (@id, @sequence, @received, @processed, @doc)
        on conflict (event_id) do update set sequence = excluded.sequence, received_at = excluded.received_at,
            processed_at = excluded.processed_at, doc = excluded.doc
        where events.doc is distinct from excluded.doc
        """, ("id", stored.EventId), ("sequence", stored.Sequence), ("received", stored.ReceivedAt), ("processed", stored.ProcessedAt),
        ("doc", new Jsonb(PgJson.Write(stored))));

    public int DeadLetter(DeadLetter letter) => s.Execute("""
        insert into dead_letters (id, doc) values (@id, @doc)
        on conflict (id) do update set doc = excluded.doc where dead_letters.doc is distinct from excluded.doc
        """, ("id", letter.Id), ("doc", new Jsonb(PgJson.Write(letter))));

    public int Customer(Customer customer) => s.Execute("""
        insert into customers (key, doc) values (@key, @doc)
        on conflict (key) do update set doc = excluded.doc where customers.doc is distinct from excluded.doc
        """, ("key", customer.Key), ("doc", new Jsonb(PgJson.Write(customer))));

    public int Grant(GrantKind kind, SignIns.Grant grant) => s.Execute("""
        insert into grants (kind, hash, user_id, expires_at) values (@kind, @hash, @user, @expires)
        on conflict (kind, hash) do update set user_id = excluded.user_id, expires_at = excluded.expires_at
        where (grants.user_id, grants.expires_at) is distinct from (excluded.user_id, excluded.expires_at)
        """, ("kind", kind.ToString()), ("hash", grant.Hash), ("user", grant.UserId), ("expires", grant.ExpiresAt));

    public int MailboxCursor(MailboxCursor cursor) => s.Execute("""
        insert into mailbox_cursors (mailbox, uid_validity, last_uid) values (@mailbox, @validity, @uid)
        on conflict (mailbox) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid
        where (mailbox_cursors.uid_validity, mailbox_cursors.last_uid) is distinct from (excluded.uid_validity, excluded.last_uid)
        """, ("mailbox", cursor.Mailbox), ("validity", (long)cursor.UidValidity), ("uid", (long)cursor.LastUid));

    public int HomeTab(HomeTabs.HomeTab tab) => s.Execute("""
        insert into home_tabs (user_id, refresh_at, version) values (@user, @refresh, @version)
        on conflict (user_id) do update set refresh_at = excluded.refresh_at, version = excluded.version
        where (home_tabs.refresh_at, home_tabs.version) is distinct from (excluded.refresh_at, excluded.version)
        """, ("user", tab.UserId), ("refresh", tab.RefreshAt), ("version", tab.Version));

    public int Macro(Macro macro) => s.Execute("""
        insert into macros (id, doc) values (@id, @doc)
        on conflict (id) do update set doc = excluded.doc where macros.doc is distinct from excluded.doc
        """, ("id", macro.Id), ("doc", new Jsonb(PgJson.Write(macro))));

    /// <summary>
    /// Moves the ticket counter and the id sequences past what was copied, so the next ticket, message, event or
    /// dead letter made on PostgreSQL takes a new number. Only ever forward; nothing moves when already past.
    /// </summary>
    public void MovePast(long ticketNumber, long outboxId)
    {
        s.Execute("update counters set value = @value where name = 'tickets' and value < @value",
            ("value", Math.Max(ticketNumber, s.Scalar<int?>("select max(number) from tickets") ?? 0)));
        MoveSequence("outbox_id_seq", Math.Max(outboxId, s.Scalar<long?>("select max(id) from outbox") ?? 0));
        MoveSequence("events_sequence_seq", s.Scalar<long?>("select max(sequence) from events") ?? 0);
        MoveSequence("dead_letters_id_seq", s.Scalar<long?>("select max(id) from dead_letters") ?? 0);
    }

    // the sequence's last handed-out value is last_value once called, one less before its first nextval
    private void MoveSequence(string sequence, long value) => s.Execute(
        $"select setval('{sequence}', @value) where @value > (select case when is_called then last_value else last_value - 1 end from {sequence})",
        ("value", value));
}
