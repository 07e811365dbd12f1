using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Storage;

/// <summary>
/// What a read or a write sees of the store: one domain-named set of rows per kind of record, each with the
/// queries its feature needs. LiteDB and PostgreSQL each implement them; feature code does not know which.
/// </summary>
public interface IStoreSession
{
    ITicketRows Tickets { get; }
    IOutboxRows Outbox { get; }
    IIntakeKeyRows IntakeKeys { get; }
    IEventRows Events { get; }
    IDeadLetterRows DeadLetters { get; }
    ICustomerRows Customers { get; }
    IGrantRows Grants { get; }
    IMailboxCursorRows MailboxCursors { get; }
    IHomeTabRows HomeTabs { get; }
}
