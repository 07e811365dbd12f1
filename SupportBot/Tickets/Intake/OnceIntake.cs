namespace SupportBot.Tickets.Intake;

/// <summary>
/// Makes a Slack message (keyed by channel + ts) or a submitted modal (keyed by view id + hash) a ticket at most
/// once, the key committed with the ticket: retries, restarts, a second 🎫, a 🎫 on a #help post that is already
/// a ticket, or the same form submission arriving twice all find the key and do nothing.
/// </summary>
public sealed class OnceIntake(TicketStore store, TicketIntake intake)
{
    /// <summary>A cheap look before doing Web API work for a message that is already a ticket.</summary>
    public bool IsTicket(string channelId, string ts) => TicketFor(channelId, ts) is not null;

    /// <summary>The ticket a message already is (or whose thread it is in), if any.</summary>
    public int? TicketFor(string channelId, string ts) => store.Change(set => Existing(set, channelId, ts));

    /// <summary>
    /// The new ticket, or null when the message already is (or heads) one; <paramref name="also"/> adds to the same
    /// commit (a note under the new ticket's triage card).
    /// </summary>
    public Ticket? Create(string channelId, string ts, TicketDraft draft, Action<TicketChangeSet, Ticket>? also = null) => store.Change(set =>
    {
        if (Taken(set, channelId, ts))
            return null;
        var ticket = CreateKeyed(set, Key(channelId, ts), draft);
        also?.Invoke(set, ticket);
        return ticket;
    });

    /// <summary>The new ticket, or null when a request with <paramref name="key"/> already made one.</summary>
    public Ticket? Create(string key, TicketDraft draft) => Once(key, set => intake.Create(set, draft));

    /// <summary>
    /// Runs <paramref name="work"/> once per <paramref name="key"/> (a webhook delivery, a mail): the key commits with
    /// what the work changed, so a redelivery, a retry or a restart finds it and does nothing. Work returning null
    /// changed nothing and leaves no key. Returns the work's ticket, or null when nothing was done.
    /// </summary>
    public Ticket? Once(string key, Func<TicketChangeSet, Ticket?> work) => store.Change(set =>
    {
        if (Keys(set).Find(key) is not null || work(set) is not { } ticket)
            return null;
        Keys(set).Insert(new IntakeKey { Id = key, TicketNumber = ticket.Number, At = set.Now });
        return ticket;
    });

    /// <summary>The ticket a key made, inside a caller's transaction (an alert's later updates find its incident).</summary>
    public static Ticket? TicketFor(TicketChangeSet set, string key) =>
        Keys(set).Find(key) is { } made ? set.Find(made.TicketNumber) : null;

    /// <summary>
    /// A submitted form: nothing when a request with <paramref name="key"/> already made a ticket (a repeat), the
    /// ticket already in the thread for a form opened from a message (the shortcut used twice), else the new ticket.
    /// </summary>
    public (Ticket? Created, int? Existing) CreateFromForm(string key, TicketDraft draft) => store.Change(set =>
    {
        if (Keys(set).Find(key) is not null)
            return ((Ticket?)null, (int?)null);
        if (draft is { Source: TicketSource.MessageShortcut, ThreadTs: { } thread } && Existing(set, draft.ChannelId, thread) is { } number)
            return ((Ticket?)null, number);
        return ((Ticket?)CreateKeyed(set, key, draft), (int?)null);
    });

    private Ticket CreateKeyed(TicketChangeSet set, string key, TicketDraft draft)
    {
        var ticket = intake.Create(set, draft);
        Keys(set).Insert(new IntakeKey { Id = key, TicketNumber = ticket.Number, At = set.Now });
        return ticket;
    }

    /// <summary>The ticket a Slack message was made into (a #help post, a 🎫-ticketed message), inside a caller's transaction.</summary>
    public static Ticket? TicketFor(TicketChangeSet set, string channelId, string ts) => TicketFor(set, Key(channelId, ts));

    /// <summary>Points a key at another ticket (a conversation's follow-up), so later replies find the current one.</summary>
    public static void Repoint(TicketChangeSet set, string key, int number)
    {
        if (Keys(set).Find(key) is not { } made || made.TicketNumber == number)
            return;
        made.TicketNumber = number;
        Keys(set).Update(made);
    }

    // a message that starts a ticket's thread (a shortcut's message, the bot's confirmation) is that ticket already
    private static bool Taken(TicketChangeSet set, string channelId, string ts) => Existing(set, channelId, ts) is not null;

    private static int? Existing(TicketChangeSet set, string channelId, string ts) =>
        Keys(set).Find(Key(channelId, ts))?.TicketNumber ?? set.CurrentInThread(channelId, ts)?.Number;

    private static IIntakeKeyRows Keys(TicketChangeSet set) => set.Session.IntakeKeys;

    private static string Key(string channelId, string ts) => $"{channelId}:{ts}";
}

/// <summary>A message that became a ticket.</summary>
public sealed class IntakeKey
{
    public string Id { get; set; } = "";
    public int TicketNumber { get; set; }
    public DateTime At { get; set; }
}
