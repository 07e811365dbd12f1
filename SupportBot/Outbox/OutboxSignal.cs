namespace SupportBot.Outbox;

/// <summary>Wakes the worker when a commit queued messages, so delivery starts right after the ack.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled; one wake-up covers every message queued since
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
        return first == signal && signal.Status == TaskStatus.RanToCompletion;
    }
}
