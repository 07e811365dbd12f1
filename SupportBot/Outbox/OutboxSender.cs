using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>Queues a message that belongs to no ticket change (a modal, an ephemeral answer) and wakes the worker.</summary>
public sealed class OutboxSender(IStoreGate gate, OutboxSignal signal, TimeProvider time)
{
    public void Send(OutboxMessage message)
    {
        gate.Write(s => OutboxStore.Enqueue(s, message, time.GetUtcNow().UtcDateTime));
        signal.Notify();
    }

    public DateTime Now => time.GetUtcNow().UtcDateTime;
}
