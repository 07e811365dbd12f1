using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Intake;

/// <summary>The "Create ticket" message shortcut: the form, pre-filled with the message, living in its thread.</summary>
public sealed class CreateTicketShortcut(FormOpener opener) : IShortcutHandler
{
    public const string Id = "create_ticket";

    public string CallbackId => Id;

    public Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var channel = payload.ChannelId;
        var messageTs = payload.Message?.Ts ?? payload.MessageTs;
        if (payload.TriggerId is null || channel is null)
            return Task.CompletedTask;
        // a reply inside a thread belongs to that thread's conversation
        var thread = payload.Message?.ThreadTs ?? messageTs;
        var context = new FormContext(channel, thread, TicketSource.MessageShortcut);
        // the form shows what a person read in Slack, not its markup (&lt;, <@U…|name>, <url|label>)
        var text = payload.Message?.Text;
        var description = text is null ? null : SlackText.Cut(SlackMarkup.Readable(text), RequestForm.MaxDescription);
        opener.Open(payload.TriggerId, RequestForm.Build(context, description));
        return Task.CompletedTask;
    }
}
