using System.Runtime.ExceptionServices;

namespace SupportBot.Storage.GroupCommit;

/// <summary>
/// One caller's write waiting in the <see cref="WriteQueue{TStore}"/>: its work, what to run once it is committed, and the
/// caller's thread, parked until the write is done or it is this caller's turn to commit a group.
/// </summary>
public sealed class PendingWrite<TStore>(Func<TStore, object?> work, Action? committed)
{
    private readonly object _signal = new();
    private bool _woken;
    private object? _result;
    private ExceptionDispatchInfo? _error;

    public Func<TStore, object?> Work { get; } = work;

    public Action? Committed { get; } = committed;

    public bool IsDone => _done;

    private volatile bool _done;

    public void Succeed(object? result) => Finish(result, null);

    public void Fail(Exception error) => Finish(null, ExceptionDispatchInfo.Capture(error));

    private void Finish(object? result, ExceptionDispatchInfo? error)
    {
        if (_done)
            return;
        (_result, _error) = (result, error);
        _done = true;
        Wake();
    }

    /// <summary>Wakes the caller while its write is still queued: it commits the next group.</summary>
    public void Lead() => Wake();

    public void Wait()
    {
        lock (_signal)
        {
            while (!_woken)
                Monitor.Wait(_signal);
        }
    }

    private void Wake()
    {
        lock (_signal)
        {
            _woken = true;
            Monitor.PulseAll(_signal);
        }
    }

    /// <summary>The work's result, or its exception rethrown with the original stack.</summary>
    public T Outcome<T>()
    {
        _error?.Throw();
        return (T)_result!;
    }
}
