using LiteDB;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Macros;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.LiteDb;

/// <summary>The rows of one LiteDB database, used under the <see cref="StoreGate"/>'s lock.</summary>
public sealed class LiteSession(LiteDatabase db) : IStoreSession
{
    /// <summary>Every kind of record LiteDB keeps, each in its own collection (<see cref="LiteSchema"/> prepares them).</summary>
    public static readonly RowKinds<LiteDatabase> Kinds = new(
    [
        Kind<ITicketRows>(d => new LiteTicketRows(d)),
        Kind<IOutboxRows>(d => new LiteOutboxRows(d)),
        Kind<IIntakeKeyRows>(d => new LiteIntakeKeyRows(d)),
        Kind<IEventRows>(d => new LiteEventRows(d)),
        Kind<IDeadLetterRows>(d => new LiteDeadLetterRows(d)),
        Kind<ICustomerRows>(d => new LiteCustomerRows(d)),
        Kind<IGrantRows>(d => new LiteGrantRows(d)),
        Kind<IMailboxCursorRows>(d => new LiteMailboxCursorRows(d)),
        Kind<IHomeTabRows>(d => new LiteHomeTabRows(d)),
        Kind<IMacroRows>(d => new LiteMacroRows(d)),
    ]);

    private readonly object?[] _rows = Kinds.NewCache();

    public LiteDatabase Database => db;

    public TRows Rows<TRows>() where TRows : class => Kinds.Get<TRows>(db, _rows);

    private static KeyValuePair<Type, Func<LiteDatabase, object>> Kind<TRows>(Func<LiteDatabase, TRows> make) where TRows : class =>
        KeyValuePair.Create(typeof(TRows), (Func<LiteDatabase, object>)make);
}
