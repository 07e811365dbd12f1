using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Users;

namespace SupportBot.Tickets.Intake;

/// <summary>
/// The "Create ticket" message shortcut: the form, pre-filled with the message, living in its thread. A message that
/// already is a ticket (or sits in a ticket's thread) gets its number instead of a second ticket in one thread.
/// </summary>
public sealed class CreateTicketShortcut(FormOpener opener, OnceIntake once, OutboxSender outbox, SlackUserDirectory names) : IShortcutHandler
{
    public const string Id = "create_ticket";

    public string CallbackId => Id;

    public static string AlreadyTicket(int number) => $"This message is already #{number}; the support team answers in its thread.";

    public Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var channel = payload.ChannelId;
        var messageTs = payload.Message?.Ts ?? payload.MessageTs;
        if (payload.TriggerId is null || channel is null)
            return Task.CompletedTask;
        // a reply inside a thread belongs to that thread's conversation
        var thread = payload.Message?.ThreadTs ?? messageTs;
        if (Existing(channel, messageTs, thread) is { } number)
        {
            Tell(payload, channel, AlreadyTicket(number));
            return Task.CompletedTask;
        }
        var context = new FormContext(channel, thread, TicketSource.MessageShortcut);
        // the form shows what a person read in Slack, not its markup (&lt;, <@U…|name>, <url|label>)
        var text = payload.Message?.Text;
        // mentions by the name the cache knows (escaped as Slack's text is, so Readable unescapes it once); the form
        // must open within 3 s, so an unknown name stays Slack's label or the id rather than waiting for users.info
        var named = MentionNames.Readable(text, id => names.Known(id) is { } name ? SlackText.Escape(name) : null);
        var description = text is null ? null : SlackText.Cut(SlackMarkup.Readable(named), RequestForm.MaxDescription);
        opener.Open(payload, RequestForm.Build(context, description));
        return Task.CompletedTask;
    }

    private int? Existing(string channel, string? messageTs, string? thread) =>
        (messageTs is null ? null : once.TicketFor(channel, messageTs))
        ?? (thread is null || thread == messageTs ? null : once.TicketFor(channel, thread));

    private void Tell(InteractionPayload payload, string channel, string text)
    {
        var message = SlackMessage.Ephemeral(text);
        outbox.Send(payload.ResponseUrl is { Length: > 0 } url
            ? OutboxMessages.ToResponseUrl(url, message)
            : OutboxMessages.Ephemeral(channel, payload.User!.Id, message));
    }
}
