using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// Puts set-aside messages back in line: all of one cause when it clears (the bot rejoined a channel, the token works
/// again), one by id or all at once when a person asks (the Undelivered page, <c>outbox retry</c>).
/// </summary>
public sealed class OutboxHealing(IStoreGate gate, OutboxSignal signal, TimeProvider time, ILogger<OutboxHealing> logger)
{
    /// <summary>Retries every message set aside for <paramref name="cause"/>; returns how many.</summary>
    public int Heal(string cause)
    {
        var healed = gate.Write(s => OutboxStore.Retry(s, m => m.Cause == cause, Now));
        if (healed > 0)
        {
            logger.LogInformation("{Cause} cleared: {Count} set-aside message(s) back in the outbox", cause, healed);
            signal.NotifyRescan();
        }
        return healed;
    }

    /// <summary>Retries one set-aside message, or all when <paramref name="id"/> is null; returns how many.</summary>
    public int Retry(long? id)
    {
        var retried = gate.Write(s => OutboxStore.Retry(s, m => id is null || m.Id == id, Now));
        if (retried > 0)
            signal.NotifyRescan();
        return retried;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
