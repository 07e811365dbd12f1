using SupportBot.Tickets.Intake;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// Intake keys under a primary key: when two replicas take the same request at once, the second insert fails with a
/// unique violation, the gate runs its write again, and this time it finds the key and does nothing.
/// </summary>
public sealed class PgIntakeKeyRows(PgSession s) : IIntakeKeyRows
{
    public IntakeKey? Find(string key) => s.Rows($"select id, ticket_number, at from intake_keys where id = @id{s.ForUpdate}",
        r => new IntakeKey { Id = r.GetString(0), TicketNumber = r.GetInt32(1), At = r.GetDateTime(2) }, ("id", key)).FirstOrDefault();

    public void Insert(IntakeKey key) =>
        s.Execute("insert into intake_keys (id, ticket_number, at) values (@id, @ticket, @at)", ("id", key.Id), ("ticket", key.TicketNumber), ("at", key.At));

    public void Update(IntakeKey key) =>
        s.Execute("update intake_keys set ticket_number = @ticket, at = @at where id = @id", ("id", key.Id), ("ticket", key.TicketNumber), ("at", key.At));
}
