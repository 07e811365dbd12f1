namespace SupportBot.Storage.GroupCommit;

/// <summary>
/// Group commit: concurrent writers queue here, and one of them at a time (the leader) takes everything queued and
/// commits it as one group, on its own thread (a LiteDB transaction belongs to a thread; a PostgreSQL one to a
/// connection, and one connection serves the whole group). The others sleep until
/// their write is done. A leader hands the queue to the oldest waiter when its group is done, so no caller leads for
/// ever under steady load, and a quiet store costs one caller no more than before: a group of one.
/// </summary>
/// <param name="largestGroup">How many writes one group takes at most; the rest wait for the next.</param>
public sealed class WriteQueue<TStore>(int largestGroup = int.MaxValue)
{
    private readonly Lock _sync = new();
    private List<PendingWrite<TStore>> _waiting = [];
    private bool _leading;

    /// <summary>Writes waiting for the current group to finish.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
                return _waiting.Count;
        }
    }

    /// <summary>Returns when <paramref name="write"/> is done; <paramref name="commit"/> must finish every write it is given.</summary>
    public void Submit(PendingWrite<TStore> write, Action<IReadOnlyList<PendingWrite<TStore>>> commit)
    {
        bool lead;
        lock (_sync)
        {
            _waiting.Add(write);
            lead = !_leading;
            _leading = true;
        }
        if (!lead)
        {
            write.Wait();
            if (write.IsDone)
                return;
        }
        List<PendingWrite<TStore>> group;
        lock (_sync)
        {
            if (_waiting.Count <= largestGroup)
                (group, _waiting) = (_waiting, []);
            else
            {
                group = _waiting[..largestGroup];
                _waiting.RemoveRange(0, largestGroup);
            }
        }
        try
        {
            commit(group);
        }
        catch (Exception e)
        {
            foreach (var each in group)
                each.Fail(e);
        }
        PendingWrite<TStore>? next = null;
        lock (_sync)
        {
            if (_waiting.Count == 0)
                _leading = false;
            else
                next = _waiting[0];
        }
        next?.Lead();
    }
}
