using SupportBot.Tickets;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// Tickets as rows: the record in <c>doc</c>, the fields queries filter on beside it. Inside a write every read locks
/// the rows it returns (<c>for update</c>), so a take, a hand-off or a status change on one replica waits for the
/// other's commit and then sees it: two replicas can never both win a ticket.
/// </summary>
public sealed class PgTicketRows(PgSession s) : ITicketRows
{
    private const string IsOpen = "status not in ('Solved', 'Closed')";

    public Ticket? Find(int number) => s.Doc<Ticket>($"select doc from tickets where number = @number{s.ForUpdate}", ("number", number));

    /// <summary>
    /// The number comes from the counter row, locked until the commit: numbers have no gaps, across replicas too. One
    /// statement takes it and inserts the ticket under it (written into the record on the server): the counter is the
    /// one row every creating write of the cluster queues on, and a round trip less holds it that much shorter.
    /// </summary>
    public void Insert(Ticket ticket) => ticket.Number = s.Scalar<int>("""
        with next as (update counters set value = value + 1 where name = 'tickets' returning value::integer as number)
        insert into tickets (number, status, channel_id, thread_ts, triage_ts, escalation_ts,
                             sla_next_check, sla_pending_next, sla_auto_close, offer_due, updated_at, revision, doc)
        select next.number, @status, @channel, @thread, @triage, @escalations, @next_check, @pending_next, @auto_close,
               @offer_due, @updated, nextval('ticket_revision'), jsonb_set(@doc, '{Number}', to_jsonb(next.number)) from next
        returning number
        """, Columns(ticket)[1..]);

    public void Update(Ticket ticket) => s.Execute(UpdateSql, Columns(ticket));

    /// <summary>
    /// <see cref="UpdateSql"/> for a whole sweep batch in one statement: a statement per ticket cost a round trip
    /// each, most of a 1,000-ticket pass. Rows go by number, so two batches never wait on each other crosswise.
    /// </summary>
    public void UpdateMany(IReadOnlyCollection<Ticket> tickets)
    {
        var last = tickets.GroupBy(t => t.Number).Select(g => g.Last()).OrderBy(t => t.Number).ToList();
        if (last.Count > 0)
            s.Execute(UpdateManySql, TicketColumns.Of(last));
    }

    private const string UpdateManySql = """
        update tickets t set status = u.status, channel_id = u.channel, thread_ts = u.thread, triage_ts = u.triage,
            escalation_ts = array(select jsonb_array_elements_text(u.escalations)), sla_next_check = u.next_check,
            sla_pending_next = u.pending_next, sla_auto_close = u.auto_close, offer_due = u.offer_due, updated_at = u.updated,
            revision = nextval('ticket_revision'), changed_by = pg_current_xact_id(), doc = u.doc
        from unnest(@number, @status, @channel, @thread, @triage, @escalations, @next_check, @pending_next, @auto_close,
                    @offer_due, @updated, @doc)
            as u(number, status, channel, thread, triage, escalations, next_check, pending_next, auto_close, offer_due, updated, doc)
        where t.number = u.number
        """;

    /// <summary>Inserts a ticket under its own number (<see cref="Columns"/>); a new row takes the next revision.</summary>
    public const string InsertSql = """
        insert into tickets (number, status, channel_id, thread_ts, triage_ts, escalation_ts,
                             sla_next_check, sla_pending_next, sla_auto_close, offer_due, updated_at, revision, doc)
        values (@number, @status, @channel, @thread, @triage, @escalations,
                @next_check, @pending_next, @auto_close, @offer_due, @updated, nextval('ticket_revision'), @doc)
        """;

    /// <summary>Rewrites ticket <c>@number</c> (<see cref="Columns"/>) under a new revision.</summary>
    public const string UpdateSql = """
        update tickets set status = @status, channel_id = @channel, thread_ts = @thread, triage_ts = @triage,
            escalation_ts = @escalations, sla_next_check = @next_check, sla_pending_next = @pending_next,
            sla_auto_close = @auto_close, offer_due = @offer_due, updated_at = @updated, revision = nextval('ticket_revision'),
            changed_by = pg_current_xact_id(), doc = @doc
        where number = @number
        """;

    /// <summary>The parameters of <see cref="InsertSql"/> and <see cref="UpdateSql"/>.</summary>
    public static (string, object?)[] Columns(Ticket t) => [
        ("number", t.Number), ("status", t.Status.ToString()), ("channel", t.ChannelId), ("thread", t.ThreadTs), ("triage", t.TriageTs),
        ("escalations", t.Escalations.Where(e => e.Ts is not null).Select(e => e.Ts!).ToArray()),
        ("next_check", t.Sla.NextCheckAt), ("pending_next", t.Sla.PendingNextAt), ("auto_close", t.Sla.AutoCloseAt),
        ("offer_due", t.OfferDueAt),
        ("updated", t.UpdatedAt), ("doc", new Jsonb(PgJson.Write(t)))];

    public List<Ticket> InThread(string channelId, string threadTs) => s.Docs<Ticket>(
        $"select doc from tickets where thread_ts = @thread and channel_id = @channel order by number desc{s.ForUpdate}",
        ("thread", threadTs), ("channel", channelId));

    public List<Ticket> Open() => s.Docs<Ticket>($"select doc from tickets where {IsOpen} order by number");

    /// <summary>What <see cref="OpenTicket"/> needs of a ticket, built in the server: the rest of the document never leaves it.</summary>
    private const string QueueFields = """
        jsonb_build_object('Number', number, 'Subject', doc->'Subject', 'Status', doc->'Status', 'ChannelId', doc->'ChannelId',
          'AssigneeId', doc->'AssigneeId', 'CreatedAt', doc->'CreatedAt', 'FirstResponseDueAt', doc->'FirstResponseDueAt',
          'Priority', doc->'Priority', 'Kind', doc->'Kind', 'TaskOf', doc->'TaskOf', 'RequesterId', doc->'RequesterId',
          'Sla', jsonb_build_object('NextReply', jsonb_build_object('DueAt', doc#>'{Sla,NextReply,DueAt}'),
            'Resolution', jsonb_build_object('DueAt', doc#>'{Sla,Resolution,DueAt}')),
          'Tags', coalesce(doc->'Tags', '[]'))::text
        """;

    public List<OpenTicket> OpenAfter(int after, int limit) => s.Docs<Ticket>(
        $"select {QueueFields} from tickets where {IsOpen} and number > @after order by number limit @limit", ("after", after), ("limit", limit))
        .Select(OpenTicket.From).ToList();

    public Ticket? ByTriageCard(string ts) => s.Doc<Ticket>($"select doc from tickets where triage_ts = @ts{s.ForUpdate}", ("ts", ts));

    public List<Ticket> ByEscalation(string ts) =>
        s.Docs<Ticket>($"select doc from tickets where escalation_ts @> array[@ts]{s.ForUpdate}", ("ts", ts));

    public bool AnyDue(SlaClock clock, DateTime now) =>
        s.Scalar<bool>($"select exists (select 1 from tickets where {Column(clock)} <= @now)", ("now", now));

    /// <summary>Inside a write, tickets another replica's sweep holds are skipped, not waited for: it acts on them.</summary>
    public List<Ticket> Due(SlaClock clock, DateTime now, int limit) => s.Docs<Ticket>(
        $"select doc from tickets where {Column(clock)} <= @now order by {Column(clock)} limit @limit{(s.Writing ? " for update skip locked" : "")}",
        ("now", now), ("limit", limit));

    private static string Column(SlaClock clock) => clock switch
    {
        SlaClock.NextCheck => "sla_next_check",
        SlaClock.PendingNext => "sla_pending_next",
        SlaClock.Offer => "offer_due",
        _ => "sla_auto_close",
    };

    public List<Ticket> Range(int first, int last, DateTime since) => s.Docs<Ticket>(
        "select doc from tickets where number between @first and @last and updated_at >= @since order by number",
        ("first", first), ("last", last), ("since", since));

    public List<Ticket> After(int after, int limit) =>
        s.Docs<Ticket>("select doc from tickets where number > @after order by number limit @limit", ("after", after), ("limit", limit));

    public int Count() => (int)s.Scalar<long>("select count(*) from tickets");

    public int HighestNumber() => s.Scalar<int?>("select max(number) from tickets") ?? 0;
}
