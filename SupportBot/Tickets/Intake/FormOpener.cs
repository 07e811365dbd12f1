using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Intake;

/// <summary>
/// Queues <c>views.open</c>; a trigger_id is good for 3 seconds, so the call expires with it. The call carries whom to
/// tell, and where, if Slack does not open it (<see cref="ViewFallback"/>).
/// </summary>
public sealed class FormOpener(OutboxSender outbox)
{
    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    /// <summary>A form for a button or shortcut (its trigger, response URL, user and channel).</summary>
    public void Open(InteractionPayload payload, ModalView view) =>
        outbox.Send(OutboxMessages.OpenView(payload.TriggerId!, view, outbox.Now + TriggerLifetime, payload.ResponseUrl,
            payload.User?.Id, payload.ChannelId));

    /// <summary>A form for a slash command.</summary>
    public void Open(SlashCommand slash, ModalView view) =>
        outbox.Send(OutboxMessages.OpenView(slash.TriggerId!, view, outbox.Now + TriggerLifetime, slash.ResponseUrl,
            slash.UserId, slash.ChannelId));
}
