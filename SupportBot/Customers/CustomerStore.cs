using SupportBot.Storage;

namespace SupportBot.Customers;

/// <summary>
/// Customer records, with an in-memory copy: every ticket and every take asks who a channel belongs to. On a store
/// other replicas write, the store tells when any replica changed them (<see cref="Forget"/>), and the copy is read
/// apart from any write, so it never holds what a write that may still roll back wrote.
/// </summary>
public sealed class CustomerStore(IStoreGate gate, TimeProvider time)
{
    private volatile IReadOnlyList<Customer>? _all;
    private int _changes;

    public IReadOnlyList<Customer> All()
    {
        if (_all is { } all)
            return all;
        var changes = Volatile.Read(ref _changes);
        var loaded = Load();
        // a change told while loading may not be in what was read: read again next time
        if (Volatile.Read(ref _changes) == changes)
            _all = loaded;
        return loaded;
    }

    /// <summary>Drops the copy: the records changed, here or on another replica.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _changes);
        _all = null;
    }

    private List<Customer> Load() => gate.ReadCommitted(s => s.Customers.All().OrderBy(c => c.Name).ToList());

    public Customer? ForChannel(string channelId) =>
        All().FirstOrDefault(c => c.Channels.Contains(channelId, StringComparer.Ordinal));

    /// <summary>
    /// The customer whose <see cref="Customer.Domains"/> cover a mail address (the most specific entry wins); null for
    /// none. Only a fallback: a ticket asked in a customer's channel belongs to that channel's customer.
    /// </summary>
    public Customer? ForAddress(string address) =>
        All().SelectMany(c => c.Domains.Select(d => (Customer: c, Score: MailDomains.Match(address, d))))
            .Where(m => m.Score > 0).OrderByDescending(m => m.Score).Select(m => m.Customer).FirstOrDefault();

    /// <summary>By name, ignoring case; else the one customer whose name contains it.</summary>
    public Customer? Named(string name)
    {
        var key = Customer.KeyOf(name);
        var all = All();
        return all.FirstOrDefault(c => c.Key == key)
               ?? (all.Where(c => c.Key.Contains(key, StringComparison.Ordinal)).ToList() is [var only] ? only : null);
    }

    /// <summary>Saves an edit made in Slack, replacing the record at <paramref name="previousKey"/> (a rename); null on success, else why not.</summary>
    public string? Save(Customer edited, string? previousKey, string actorId)
    {
        var error = gate.Write(s =>
        {
            var records = s.Customers;
            edited.Key = Customer.KeyOf(edited.Name);
            var others = records.All().Where(c => c.Key != previousKey && c.Key != edited.Key).ToList();
            if (edited.Key != previousKey && records.Find(edited.Key) is not null)
                return $"A customer named {edited.Name} already exists.";
            var taken = others.SelectMany(o => o.Channels.Intersect(edited.Channels).Select(ch => (ch, o.Name))).FirstOrDefault();
            if (taken.ch is not null)
                return $"<#{taken.ch}> already belongs to {taken.Name}; each channel belongs to one customer.";
            var claimed = others.SelectMany(o => o.Domains.Intersect(edited.Domains).Select(d => (d, o.Name))).FirstOrDefault();
            if (claimed.d is not null)
                return $"The domain {claimed.d} already belongs to {claimed.Name}; each domain belongs to one customer.";
            var before = previousKey is null ? null : records.Find(previousKey);
            edited.Changes = before?.Changes ?? [];
            edited.Changes.Add(new CustomerChange { At = time.GetUtcNow().UtcDateTime, By = actorId, What = CustomerDiff.Describe(before, edited) });
            if (previousKey is not null && previousKey != edited.Key)
                records.Delete(previousKey);
            records.Upsert(edited);
            return null;
        }, committed: Forget);
        return error;
    }

    /// <summary>The settings seed: new names are added, records nobody edited in Slack follow the settings, edited ones stay.</summary>
    public static void Seed(IStoreSession session, IEnumerable<Customer> configured, DateTime now)
    {
        var records = session.Customers;
        foreach (var settings in configured)
        {
            settings.Key = Customer.KeyOf(settings.Name);
            var stored = records.Find(settings.Key);
            if (stored is { EditedInSlack: true })
                continue;
            if (stored is not null && CustomerDiff.Describe(stored, settings) == "no change")
                continue;
            settings.Changes = stored?.Changes ?? [];
            settings.Changes.Add(new CustomerChange { At = now, What = stored is null ? "added from the settings" : "updated from the settings" });
            records.Upsert(settings);
        }
    }
}
