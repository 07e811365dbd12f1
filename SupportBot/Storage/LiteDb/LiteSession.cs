using LiteDB;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Storage.LiteDb;

/// <summary>The rows of one LiteDB database, used under the <see cref="StoreGate"/>'s lock.</summary>
public sealed class LiteSession(LiteDatabase db) : IStoreSession
{
    public LiteDatabase Database => db;

    public ITicketRows Tickets => field ??= new LiteTicketRows(db);
    public IOutboxRows Outbox => field ??= new LiteOutboxRows(db);
    public IIntakeKeyRows IntakeKeys => field ??= new LiteIntakeKeyRows(db);
    public IEventRows Events => field ??= new LiteEventRows(db);
    public IDeadLetterRows DeadLetters => field ??= new LiteDeadLetterRows(db);
    public ICustomerRows Customers => field ??= new LiteCustomerRows(db);
    public IGrantRows Grants => field ??= new LiteGrantRows(db);
    public IMailboxCursorRows MailboxCursors => field ??= new LiteMailboxCursorRows(db);
    public IHomeTabRows HomeTabs => field ??= new LiteHomeTabRows(db);
}
