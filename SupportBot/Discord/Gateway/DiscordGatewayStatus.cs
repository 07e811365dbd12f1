namespace SupportBot.Discord.Gateway;

/// <summary>How the Gateway link stands, for the health check and the tests; every change swaps one immutable snapshot.</summary>
public sealed class DiscordGatewayStatus(TimeProvider time)
{
    /// <param name="Connected">READY or RESUMED came on the open connection: events flow.</param>
    /// <param name="LastSequence">The last event the handler finished.</param>
    /// <param name="FatalReason">Discord refused something a reconnect cannot fix; the client stopped.</param>
    /// <param name="DownSince">Since when no connection has been up (null while connected).</param>
    public sealed record Snapshot(bool Connected, string? SessionId, long? LastSequence, string? LastError,
        string? FatalReason, int Connections, int HeartbeatsAcked, DateTimeOffset? DownSince);

    private readonly Lock _lock = new();
    private Snapshot _now = new(false, null, null, null, null, 0, 0, time.GetUtcNow());

    public Snapshot Now
    {
        get
        {
            lock (_lock)
                return _now;
        }
    }

    public void Opened() => Change(s => s with { Connections = s.Connections + 1 });

    public void Connected(string? sessionId) => Change(s => s with { Connected = true, SessionId = sessionId, LastError = null, DownSince = null });

    public void Handled(long sequence) => Change(s => s with { LastSequence = sequence });

    public void HeartbeatAcked() => Change(s => s with { HeartbeatsAcked = s.HeartbeatsAcked + 1 });

    public void Disconnected(string why) =>
        Change(s => s with { Connected = false, LastError = why, DownSince = s.DownSince ?? time.GetUtcNow() });

    public void Forgotten() => Change(s => s with { SessionId = null, LastSequence = null });

    public void Fatal(string why) => Change(s => s with { Connected = false, FatalReason = why, LastError = why, DownSince = s.DownSince ?? time.GetUtcNow() });

    private void Change(Func<Snapshot, Snapshot> change)
    {
        lock (_lock)
            _now = change(_now);
    }
}
