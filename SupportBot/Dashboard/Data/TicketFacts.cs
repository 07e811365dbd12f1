using LiteDB;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// Every ticket's <see cref="TicketFact"/> in memory, so the Reports page aggregates 100,000 tickets in
/// milliseconds instead of reading every document. Loaded once, on first use, under the store's lock; then kept
/// current by each committed change (<see cref="FactsHook"/>), the way <see cref="OpenTickets"/> is.
/// </summary>
public sealed class TicketFacts(StoreGate gate)
{
    private readonly Lock _sync = new();
    private Dictionary<int, TicketFact>? _byNumber;

    public IReadOnlyList<TicketFact> All()
    {
        Load();
        lock (_sync)
            return [.. _byNumber!.Values];
    }

    public TicketFact? Find(int number)
    {
        Load();
        lock (_sync)
            return _byNumber!.GetValueOrDefault(number);
    }

    public void Apply(IEnumerable<Ticket> changed)
    {
        lock (_sync)
        {
            if (_byNumber is null)
                return; // loading reads the committed state anyway
            foreach (var t in changed)
                _byNumber[t.Number] = TicketFact.From(t);
        }
    }

    private void Load()
    {
        lock (_sync)
        {
            if (_byNumber is not null)
                return;
        }
        // the store's lock keeps commits (and their Apply) out while the snapshot is read
        gate.Read(db =>
        {
            lock (_sync)
            {
                _byNumber ??= db.GetCollection<Ticket>(TicketStore.Collection).FindAll().ToDictionary(t => t.Number, TicketFact.From);
            }
            return true;
        });
    }
}

/// <summary>Moves the changed tickets' facts once their change has committed.</summary>
public sealed class FactsHook(TicketFacts facts) : ITicketsChangedHook
{
    public void OnChanging(TicketChangeSet set)
    {
        var changed = set.Changed.ToList();
        set.AfterCommit(() => facts.Apply(changed));
    }
}
