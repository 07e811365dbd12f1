namespace SupportBot.Discord.Gateway;

/// <summary>
/// One connection's heartbeat: the first beat after a random part of the interval (so many clients reconnecting at
/// once do not beat together), then one per interval. A beat whose ACK has not come by the next one means a zombie
/// connection: it looks open but nothing arrives, so it is dropped and resumed.
/// </summary>
public sealed class GatewayHeartbeat(TimeSpan interval, Func<CancellationToken, Task> beat, Action<string> zombie, TimeProvider time)
{
    private volatile bool _acked = true;

    public void Acked() => _acked = true;

    /// <summary>Arms the first beat's timer before it returns, so a test's clock may move once the connection is up.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
            while (true)
            {
                if (!_acked)
                {
                    zombie($"no heartbeat ACK within {interval.TotalSeconds:0.#} s (zombie connection)");
                    return;
                }
                _acked = false;
                // the next beat's timer is armed before this one goes out
                var next = Task.Delay(interval, time, cancellationToken);
                await beat(cancellationToken);
                await next;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the connection is over
        }
    }
}
