namespace SupportBot.Outbox;

/// <summary>Wakes the worker when a commit queued messages, so delivery starts right after the ack.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _rescan;

    /// <summary>
    /// Wakes the worker to read the whole outbox again: a message put back in line keeps its old id, which a worker
    /// reading only what was queued after its last read would not see while a backlog lasts.
    /// </summary>
    public void NotifyRescan()
    {
        Interlocked.Exchange(ref _rescan, 1);
        Notify();
    }

    /// <summary>Whether a rescan was asked for since the last call.</summary>
    public bool TakeRescan() => Interlocked.Exchange(ref _rescan, 0) == 1;

    public void Notify()
    {
        // already signalled: one wake-up covers every message queued since. Checked first, since every commit that
        // queues a message notifies, and a thrown exception per form submission cost 2.6% of its allocations
        if (_signal.CurrentCount > 0)
            return;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // another commit signalled in between
        }
    }

    public void Dispose() => _signal.Dispose();

    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signal = _signal.WaitAsync(cts.Token);
        var first = await Task.WhenAny(delay, signal);
        await cts.CancelAsync();
        if (first == signal)
            return signal.Status == TaskStatus.RanToCompletion;
        // the timeout came first, but the cancelled wait leaves the semaphore's queue only after this point: a Notify
        // in between (a lane finishing) is taken by it and would be lost, leaving the worker asleep until its next
        // timeout with a lane to deliver. Whatever it took is given back.
        if (await Taken(signal))
            Notify();
        return false;
    }

    private static async Task<bool> Taken(Task wait)
    {
        try
        {
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
