using LiteDB;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>
/// Makes a Slack message a ticket at most once, keyed by channel + ts and committed with the ticket: retries,
/// restarts, a second 🎫 or a 🎫 on a #help post that is already a ticket all find the key and do nothing.
/// </summary>
public sealed class OnceIntake(TicketStore store, TicketIntake intake)
{
    public const string Collection = "intake_keys";

    /// <summary>A cheap look before doing Web API work for a message that is already a ticket.</summary>
    public bool IsTicket(string channelId, string ts) => store.Change(set => Taken(set, channelId, ts));

    /// <summary>The new ticket, or null when the message already is (or heads) one.</summary>
    public Ticket? Create(string channelId, string ts, TicketDraft draft) => store.Change(set =>
    {
        if (Taken(set, channelId, ts))
            return null;
        var ticket = intake.Create(set, draft);
        Keys(set).Insert(new IntakeKey { Id = Key(channelId, ts), TicketNumber = ticket.Number, At = set.Now });
        return ticket;
    });

    // a message that starts a ticket's thread (a shortcut's message, the bot's confirmation) is that ticket already
    private static bool Taken(TicketChangeSet set, string channelId, string ts) =>
        Keys(set).FindById(Key(channelId, ts)) is not null || ThreadTickets.Current(set, channelId, ts) is not null;

    private static ILiteCollection<IntakeKey> Keys(TicketChangeSet set) => set.Database.GetCollection<IntakeKey>(Collection);

    private static string Key(string channelId, string ts) => $"{channelId}:{ts}";
}

/// <summary>A message that became a ticket.</summary>
public sealed class IntakeKey
{
    [BsonId]
    public string Id { get; set; } = "";
    public int TicketNumber { get; set; }
    public DateTime At { get; set; }
}
