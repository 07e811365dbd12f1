using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.Tests.Infrastructure;

/// <summary>Holds the store with a write that waits until disposed: every other use of the store waits meanwhile.</summary>
public sealed class BusyStore : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _holding = new();
    private readonly ManualResetEventSlim _release = new();
    private readonly Task _write;

    public BusyStore(StoreGate gate)
    {
        _write = Task.Run(() => gate.Write(_ =>
        {
            _holding.Set();
            _release.Wait(Limit);
            return 0;
        }));
        if (!_holding.Wait(Limit))
            throw new TimeoutException("the store did not become busy");
    }

    public void Dispose()
    {
        _release.Set();
        _write.Wait(Limit);
        _holding.Dispose();
        _release.Dispose();
    }
}
