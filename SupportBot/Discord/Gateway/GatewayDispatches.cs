using System.Threading.Channels;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// One connection's dispatches, handed to the handler one at a time in the order Discord numbered them, apart from
/// the reader so heartbeat ACKs are read while a handler works. An event counts as handled (and its sequence number
/// goes into heartbeats and the next RESUME) only once the handler returned.
/// </summary>
public sealed class GatewayDispatches(IDiscordDispatchHandler handler, GatewaySession session, DiscordGatewayStatus status,
    Action<GatewayEnd> end, ILogger logger)
{
    /// <summary>
    /// Tries at one event before it is skipped. A failing handler drops the connection, and the RESUME makes Discord
    /// send the event again (a hiccup of the store passes that way); an event that fails this often would otherwise
    /// stop every event after it for good, so it is skipped with an error log instead.
    /// </summary>
    public const int MaxAttempts = 3;

    private readonly Channel<DiscordDispatch> _queue = Channel.CreateUnbounded<DiscordDispatch>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private volatile bool _stopped;

    public void Add(DiscordDispatch dispatch) => _queue.Writer.TryWrite(dispatch);

    /// <summary>
    /// Takes no more events; the one being handled finishes. The rest are not lost: they come again after the RESUME,
    /// which names the last one handled.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        _queue.Writer.TryComplete();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var dispatch in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (_stopped || stopping.IsCancellationRequested)
                return;
            try
            {
                await handler.HandleAsync(dispatch, stopping);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var attempts = session.Failed(dispatch.Sequence);
                if (attempts < MaxAttempts)
                {
                    logger.LogWarning(e, "Handling Discord event {Type} #{Sequence} failed (attempt {Attempt} of {Max}); resuming so Discord sends it again",
                        dispatch.Type, dispatch.Sequence, attempts, MaxAttempts);
                    end(GatewayEnd.Resume($"handling {dispatch.Type} #{dispatch.Sequence} failed: {e.Message}"));
                    return;
                }
                logger.LogError(e, "Handling Discord event {Type} #{Sequence} failed {Attempts} times; skipping it so the events after it are handled",
                    dispatch.Type, dispatch.Sequence, attempts);
            }
            session.Handled(dispatch.Sequence);
            status.Handled(dispatch.Sequence);
        }
    }
}
