using LiteDB;
using Npgsql;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Macros;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.LiteDb;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>How many records of one kind each store holds after a copy, and how many rows the copy wrote.</summary>
public sealed record CopiedKind(string Kind, long InLiteDb, long Written, long InPostgres)
{
    public bool Matches => InLiteDb == InPostgres;
}

/// <summary>
/// Copies every record of a LiteDB store into PostgreSQL under the keys it has (ticket numbers, outbox and dead-letter
/// ids, event sequences), in one transaction, then counts each kind on both sides.
/// </summary>
public sealed class StoreCopy(LiteDatabase lite, NpgsqlDataSource postgres)
{
    private sealed record Kind(string Name, Func<LiteDatabase, long> CountLite, Func<LiteDatabase, PgRestore, long> Copy, string CountPostgres);

    private static readonly Kind[] Kinds =
    [
        Of<Ticket>("tickets", LiteTicketRows.Collection, (r, t) => r.Ticket(t), "tickets"),
        Of<OutboxMessage>("outbox messages", LiteOutboxRows.Collection, (r, m) => r.OutboxMessage(m), "outbox"),
        Of<IntakeKey>("intake keys", LiteIntakeKeyRows.Collection, (r, k) => r.IntakeKey(k), "intake_keys"),
        Of<StoredEvent>("events", LiteEventRows.Collection, (r, e) => r.Event(e), "events"),
        Of<DeadLetter>("dead letters", LiteDeadLetterRows.Collection, (r, l) => r.DeadLetter(l), "dead_letters"),
        Of<Customer>("customers", LiteCustomerRows.Collection, (r, c) => r.Customer(c), "customers"),
        Of<SignIns.Grant>("sign-in links", LiteGrantRows.Links, (r, g) => r.Grant(GrantKind.Link, g), "grants where kind = 'Link'"),
        Of<SignIns.Grant>("dashboard sessions", LiteGrantRows.Sessions, (r, g) => r.Grant(GrantKind.Session, g), "grants where kind = 'Session'"),
        Of<MailboxCursor>("mailbox cursors", LiteMailboxCursorRows.Collection, (r, c) => r.MailboxCursor(c), "mailbox_cursors"),
        Of<HomeTabs.HomeTab>("Home tabs", LiteHomeTabRows.Collection, (r, t) => r.HomeTab(t), "home_tabs"),
        Of<Macro>("saved replies", LiteMacroRows.Collection, (r, m) => r.Macro(m), "macros"),
    ];

    private static Kind Of<T>(string name, string collection, Func<PgRestore, T, int> restore, string table) => new(name,
        db => db.GetCollection<T>(collection).LongCount(),
        (db, r) => db.GetCollection<T>(collection).FindAll().Sum(record => (long)restore(r, record)),
        $"select count(*) from {table}");

    public IReadOnlyList<CopiedKind> Run()
    {
        var written = new Dictionary<string, long>();
        using (var connection = postgres.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            var restore = new PgRestore(new PgSession(connection, transaction));
            foreach (var kind in Kinds)
                written[kind.Name] = kind.Copy(lite, restore);
            restore.MovePast(LastNumber(LiteTicketRows.Collection), LastNumber(LiteOutboxRows.Collection));
            transaction.Commit();
        }
        using var counting = postgres.OpenConnection();
        var session = new PgSession(counting, null);
        return Kinds.Select(k => new CopiedKind(k.Name, k.CountLite(lite), written[k.Name], session.Scalar<long>(k.CountPostgres))).ToList();
    }

    /// <summary>The last number the LiteDB store handed out (<see cref="StoreSequence"/>), which may be past the highest one kept.</summary>
    private long LastNumber(string sequence) =>
        lite.GetCollection(StoreSequence.Collection).FindById(sequence) is { } counter ? counter["value"].AsInt64 : 0;
}
