using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Intake;

/// <summary>
/// The "Send to customer" message shortcut on a team member's message in a triage card's thread: that message goes
/// to the customer (by mail, as a GitHub comment), once however often it is used. Everything else said in the
/// triage thread stays internal.
/// </summary>
public sealed class SendToCustomerShortcut(CustomerAnswers answers, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack)
    : IShortcutHandler
{
    public const string Id = "send_to_customer";

    public string CallbackId => Id;

    public Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var user = payload.User?.Id;
        var channel = payload.ChannelId;
        if (user is null || channel is null || payload.Message is not { Ts: { } ts } message)
            return Task.CompletedTask;
        var answer = Answer(user, channel, ts, message);
        outbox.Send(OutboxMessages.Ephemeral(channel, user, new SlackMessage(answer)));
        return Task.CompletedTask;
    }

    private string Answer(string user, string channel, string ts, PayloadMessage message)
    {
        if (!team.IsMember(user))
            return "Only the support team can send messages to customers.";
        if (message.User != user)
            return "Send to customer sends your own messages only: write the answer in the thread, then use it on that.";
        if (channel != slack.Value.SupportChannel || message.ThreadTs is not { } thread || answers.ByTriageThread(thread) is not { } ticket)
            return "Use Send to customer on a message in a ticket's thread in the support channel.";
        if (string.IsNullOrWhiteSpace(message.Text))
            return "That message has no text to send.";
        return answers.Send(ticket.Number, user, message.Text.Trim(), $"answer:{channel}:{ts}",
            $"Sending your message to the customer of *#{ticket.Number}*.");
    }
}
