using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tests.Infrastructure;

public static class OutboxFlows
{
    /// <summary>Queues messages in one commit, so the worker sees them together, in this order, and wakes it.</summary>
    public static void Queue(this SupportBotApp app, params OutboxMessage[] messages)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        app.Get<IStoreGate>().Write(s =>
        {
            foreach (var m in messages)
                OutboxStore.Enqueue(s, m, now);
        });
        app.Get<OutboxSignal>().Notify();
    }
}
