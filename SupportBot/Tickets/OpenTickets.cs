using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>A ticket that is not Solved or Closed, as the queue and "my tickets" show it.</summary>
public sealed record OpenTicket(int Number, string Subject, TicketStatus Status, string ChannelId, string? AssigneeId,
    DateTime CreatedAt, DateTime? FirstResponseDueAt, Priority Priority = Priority.Normal, int? TaskOf = null, string? RequesterId = null,
    DateTime? NextReplyDueAt = null, DateTime? ResolutionDueAt = null, IReadOnlyList<string>? Tags = null)
{
    /// <summary>A Task (an internal to-do), not a customer request: never in the queue.</summary>
    public bool IsTask => TaskOf is not null;

    public static OpenTicket From(Ticket t) =>
        new(t.Number, t.Subject, t.Status, t.ChannelId, t.AssigneeId, t.CreatedAt, t.FirstResponseDueAt, t.Priority,
            t.IsTask ? t.TaskOf ?? 0 : null, t.RequesterId, t.Sla.NextReply.DueAt, t.Sla.Resolution.DueAt, t.Tags.Count == 0 ? null : t.Tags);

    /// <summary>This ticket with the ids and tags many open tickets repeat kept once.</summary>
    public OpenTicket SharedIn(SharedStrings strings) => this with
    {
        ChannelId = strings.Share(ChannelId)!,
        AssigneeId = strings.Share(AssigneeId),
        RequesterId = strings.Share(RequesterId),
        Tags = Tags is null ? null : [.. Tags.Select(tag => strings.Share(tag)!)],
    };
}

/// <summary>
/// The open tickets in memory: every bare /status and /take asks for the queue and "my tickets", and reading
/// those documents from LiteDB cost ~10× the rest of the request. Loaded once in chunks after start
/// (<see cref="OpenTicketsLoader"/>), then kept current by committed changes (<see cref="TicketStore.Change{T}"/>),
/// so it holds what the store holds. Memory grows with open tickets only; Solved and Closed ones leave it.
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
    // while a load reads its chunks: what they read so far, and the changes committed meanwhile, which win over
    // the chunks (a chunk read before the change holds the old state; null: the ticket left the open ones)
    private Dictionary<int, OpenTicket>? _read;
    private Dictionary<int, OpenTicket?>? _changedWhileLoading;

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

    /// <summary>Open tickets the load has read so far: what /health/ready tells.</summary>
    public int ReadSoFar
    {
        get
        {
            lock (_sync)
                return _byNumber?.Count ?? _read?.Count ?? 0;
        }
    }

    /// <summary>
    /// The open tickets in number order, <paramref name="size"/> per read: each read lets go of the store (LiteDB's
    /// lock, and the pages a query pins until it ends) before the next.
    /// </summary>
    public static IEnumerable<List<OpenTicket>> ReadInChunks(IStoreGate gate, int size)
    {
        for (var after = 0; ;)
        {
            var chunk = gate.Read(s => s.Tickets.OpenAfter(after, size));
            yield return chunk;
            if (chunk.Count < size)
                yield break;
            after = chunk[^1].Number;
        }
    }

    /// <summary>Loads them in one go (a list read whole, as a shared store's request does).</summary>
    public void Load(IEnumerable<OpenTicket> open)
    {
        BeginLoad();
        AddRead(open);
        EndLoad();
    }

    /// <summary>Starts a load (over any earlier one left unfinished); false when loaded already.</summary>
    public bool BeginLoad()
    {
        lock (_sync)
        {
            if (_byNumber is not null)
                return false;
            (_read, _changedWhileLoading) = ([], []);
            return true;
        }
    }

    /// <summary>A chunk of open tickets the load read.</summary>
    public void AddRead(IEnumerable<OpenTicket> chunk)
    {
        var shared = chunk.Where(t => !t.Status.IsDone()).Select(t => t.SharedIn(_strings)).ToList();
        lock (_sync)
        {
            var read = _read ?? throw new InvalidOperationException("no load begun");
            foreach (var t in shared)
                read[t.Number] = t;
        }
    }

    /// <summary>Ends the load: the changes committed while it read win over what its chunks read.</summary>
    public void EndLoad()
    {
        lock (_sync)
        {
            var read = _read ?? throw new InvalidOperationException("no load begun");
            foreach (var (number, changed) in _changedWhileLoading!)
            {
                if (changed is null)
                    read.Remove(number);
                else
                    read[number] = changed;
            }
            (_byNumber, _waiting, _read, _changedWhileLoading) = ([], 0, null, null);
            _byHolder.Clear();
            foreach (var t in read.Values.OrderBy(t => t.Number))
                Add(t);
        }
    }

    /// <summary>
    /// Applies committed changes; kept aside while a load reads, and ignored before one begins, since the load
    /// reads the committed state then.
    /// </summary>
    public void Apply(IEnumerable<Ticket> changed)
    {
        lock (_sync)
        {
            if (_byNumber is null)
            {
                KeepAside(changed);
                return;
            }
            foreach (var t in changed)
            {
                if (_byNumber.TryGetValue(t.Number, out var was))
                    Remove(was);
                if (!t.Status.IsDone())
                    Add(OpenTicket.From(t).SharedIn(_strings));
            }
        }
    }

    private void KeepAside(IEnumerable<Ticket> changed)
    {
        if (_changedWhileLoading is not { } kept)
            return;
        foreach (var t in changed)
            kept[t.Number] = t.Status.IsDone() ? null : OpenTicket.From(t).SharedIn(_strings);
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
