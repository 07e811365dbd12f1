using LiteDB;
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
    private Dictionary<int, TicketFact>? _byNumber;
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
            return [.. _byNumber!.Values];
    }

    public void Apply(IEnumerable<Ticket> changed)
    {
        lock (_sync)
        {
            var target = _byNumber ?? _changedWhileLoading;
            if (target is null)
                return; // not loading yet: the load will read the committed state
            foreach (var t in changed)
                target[t.Number] = TicketFact.From(t, _strings);
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
            var loaded = new Dictionary<int, TicketFact>();
            var after = 0;
            while (true)
            {
                var chunk = gate.Read(s => s.Tickets.After(after, ChunkSize).Select(t => TicketFact.From(t, _strings)).ToList());
                foreach (var fact in chunk)
                    loaded[fact.Number] = fact;
                if (chunk.Count < ChunkSize)
                    break;
                after = chunk.Max(f => f.Number);
            }
            lock (_sync)
            {
                foreach (var (number, fact) in _changedWhileLoading!)
                    loaded[number] = fact;
                _changedWhileLoading = null;
                _byNumber = loaded;
            }
        }
    }
}

/// <summary>Moves the changed tickets' facts once their change has committed, here or (through the change feed) on another replica.</summary>
public sealed class FactsHook(TicketFacts facts) : ITicketsCommitted
{
    public void Committed(IReadOnlyList<Ticket> changed) => facts.Apply(changed);
}
