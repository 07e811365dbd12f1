using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>A ticket that is not Solved or Closed, as the queue and "my tickets" show it.</summary>
public sealed record OpenTicket(int Number, string Subject, TicketStatus Status, string ChannelId, string? AssigneeId,
    DateTime CreatedAt, DateTime? FirstResponseDueAt, Priority Priority = Priority.Normal, int? TaskOf = null, string? RequesterId = null,
    DateTime? NextReplyDueAt = null, DateTime? ResolutionDueAt = null, IReadOnlyList<string>? Tags = null)
{
    /// <summary>A Task (an internal to-do), not a customer request: never in the queue.</summary>
    public bool IsTask => TaskOf is not null;

    public static OpenTicket From(Ticket t, SharedStrings strings) =>
        new(t.Number, t.Subject, t.Status, strings.Share(t.ChannelId)!, strings.Share(t.AssigneeId), t.CreatedAt, t.FirstResponseDueAt,
            t.Priority, t.IsTask ? t.TaskOf ?? 0 : null, strings.Share(t.RequesterId), t.Sla.NextReply.DueAt, t.Sla.Resolution.DueAt,
            t.Tags.Count == 0 ? null : [.. t.Tags.Select(tag => strings.Share(tag)!)]);
}

/// <summary>
/// The open tickets in memory: every bare /status and /take asks for the queue and "my tickets", and reading
/// those documents from LiteDB cost ~10× the rest of the request. Loaded once through the indexes, then kept
/// current by committed changes (<see cref="TicketStore.Change{T}"/>), so it holds what the store holds.
/// Memory grows with open tickets only; Solved and Closed ones leave it.
/// </summary>
public sealed class OpenTickets
{
    private readonly Lock _sync = new();
    private readonly SharedStrings _strings = new();
    private Dictionary<int, OpenTicket>? _byNumber;
    // what every bare /ticket asks, kept as changes commit: scanning every open ticket twice per acknowledgement
    // under this lock was most of its cost (a CPU profile at 64 connections, 10,000 tickets)
    private readonly Dictionary<string, SortedSet<int>> _byHolder = [];
    private int _waiting;

    /// <summary>Unassigned requests: the queue (Tasks always have a holder and never wait in it).</summary>
    public static bool Waiting(OpenTicket t) => t.AssigneeId is null && !t.IsTask;

    public bool IsLoaded
    {
        get
        {
            lock (_sync)
                return _byNumber is not null;
        }
    }

    public void Load(IEnumerable<Ticket> open)
    {
        var loaded = open.Where(t => !t.Status.IsDone()).Select(t => OpenTicket.From(t, _strings)).ToList();
        lock (_sync)
        {
            (_byNumber, _waiting) = ([], 0);
            _byHolder.Clear();
            foreach (var t in loaded)
                Add(t);
        }
    }

    /// <summary>Applies committed changes; ignored until loaded, since loading reads the committed state anyway.</summary>
    public void Apply(IEnumerable<Ticket> changed)
    {
        lock (_sync)
        {
            if (_byNumber is null)
                return;
            foreach (var t in changed)
            {
                if (_byNumber.TryGetValue(t.Number, out var was))
                    Remove(was);
                if (!t.Status.IsDone())
                    Add(OpenTicket.From(t, _strings));
            }
        }
    }

    public List<OpenTicket> Where(Func<OpenTicket, bool> predicate)
    {
        lock (_sync)
            return Loaded.Values.Where(predicate).ToList();
    }

    /// <summary>The tickets and Tasks <paramref name="userId"/> holds, by number.</summary>
    public List<OpenTicket> HeldBy(string userId)
    {
        lock (_sync)
        {
            var byNumber = Loaded;
            return _byHolder.TryGetValue(userId, out var numbers) ? [.. numbers.Select(n => byNumber[n])] : [];
        }
    }

    public int WaitingCount()
    {
        lock (_sync)
        {
            _ = Loaded;
            return _waiting;
        }
    }

    private Dictionary<int, OpenTicket> Loaded => _byNumber ?? throw new InvalidOperationException("open tickets not loaded");

    private void Add(OpenTicket t)
    {
        _byNumber![t.Number] = t;
        if (t.AssigneeId is { } holder)
        {
            if (!_byHolder.TryGetValue(holder, out var numbers))
                _byHolder[holder] = numbers = [];
            numbers.Add(t.Number);
        }
        if (Waiting(t))
            _waiting++;
    }

    private void Remove(OpenTicket t)
    {
        _byNumber!.Remove(t.Number);
        if (t.AssigneeId is { } holder && _byHolder.TryGetValue(holder, out var numbers) && numbers.Remove(t.Number) && numbers.Count == 0)
            _byHolder.Remove(holder);
        if (Waiting(t))
            _waiting--;
    }
}

/// <summary>
/// The open tickets, read at start on the engine the start opened first and then drops: read on the kept engine, the pages of every open
/// ticket would stay in LiteDB's cache for good (90 MB at 100,000 tickets, a quarter of them open).
/// </summary>
public sealed class OpenTicketsWarmUp(OpenTickets open) : IStoreWarmUp
{
    public void WarmUp(IStoreSession session) => open.Load(session.Tickets.Open());
}
