using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// Every ticket's <see cref="TicketFact"/> in memory, so the Reports page aggregates 100,000 tickets in
/// milliseconds instead of reading every document. Loaded on first use in chunks, each under the store's lock
/// for a moment only (a Slack request waiting behind a multi-second read would miss its 3 s ack); changes that
/// commit meanwhile are kept aside and win over the chunks. From then on each committed change moves its
/// tickets' facts (<see cref="FactsHook"/>, also told of other replicas' changes), the way <see cref="OpenTickets"/> is kept.
/// </summary>
public sealed class TicketFacts(IStoreGate gate)
{
    public const int ChunkSize = 2000;

    private readonly Lock _sync = new();
    private readonly Lock _loader = new();
    private readonly SharedStrings _strings = new();
    private FactsByNumber? _byNumber;
    private Dictionary<int, TicketFact>? _changedWhileLoading;

    public bool IsLoaded
    {
        get
        {
            lock (_sync)
                return _byNumber is not null;
        }
    }

    public IReadOnlyList<TicketFact> All()
    {
        Load();
        lock (_sync)
            return _byNumber!.All();
    }

    public void Apply(IEnumerable<Ticket> changed)
    {
        lock (_sync)
        {
            foreach (var t in changed)
            {
                var fact = TicketFact.From(t, _strings);
                if (_byNumber is not null)
                    _byNumber.Set(fact);
                else if (_changedWhileLoading is not null)
                    _changedWhileLoading[t.Number] = fact;
                else
                    return; // not loading yet: the load will read the committed state
            }
        }
    }

    private void Load()
    {
        lock (_loader)
        {
            lock (_sync)
            {
                if (_byNumber is not null)
                    return;
                _changedWhileLoading = [];
            }
            var loaded = new FactsByNumber();
            var after = 0;
            while (true)
            {
                var chunk = gate.Read(s => s.Tickets.After(after, ChunkSize).Select(t => TicketFact.From(t, _strings)).ToList());
                foreach (var fact in chunk)
                    loaded.Set(fact);
                if (chunk.Count < ChunkSize)
                    break;
                after = chunk.Max(f => f.Number);
            }
            lock (_sync)
            {
                foreach (var fact in _changedWhileLoading!.Values)
                    loaded.Set(fact);
                _changedWhileLoading = null;
                _byNumber = loaded;
            }
        }
    }
}

/// <summary>
/// The facts in a list where a ticket's number is its place: numbers are handed out one after another, so the list
/// has few holes, and a slot is a reference (8 bytes) where a dictionary entry is 24 and its table grows to twice
/// the count (3 MB less at 100,000 tickets).
/// </summary>
internal sealed class FactsByNumber
{
    private readonly List<TicketFact?> _slots = [];
    private int _count;

    public void Set(TicketFact fact)
    {
        while (_slots.Count <= fact.Number)
            _slots.Add(null);
        if (_slots[fact.Number] is null)
            _count++;
        _slots[fact.Number] = fact;
    }

    public IReadOnlyList<TicketFact> All()
    {
        var all = new List<TicketFact>(_count);
        foreach (var fact in _slots)
        {
            if (fact is not null)
                all.Add(fact);
        }
        return all;
    }
}

/// <summary>Moves the changed tickets' facts once their change has committed, here or (through the change feed) on another replica.</summary>
public sealed class FactsHook(TicketFacts facts) : ITicketsCommitted
{
    public void Committed(IReadOnlyList<Ticket> changed) => facts.Apply(changed);
}
