using SupportBot.Outbox;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Intake;

/// <summary>Queues <c>views.open</c>; a trigger_id is good for 3 seconds, so the call expires with it.</summary>
public sealed class FormOpener(OutboxSender outbox)
{
    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    public void Open(string triggerId, ModalView view) =>
        outbox.Send(OutboxMessages.OpenView(triggerId, view, outbox.Now + TriggerLifetime));
}
