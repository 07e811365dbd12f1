using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Ai;

/// <summary>
/// Queues a model job for a <c>/ticket N …</c> word and answers at once: the call itself is made after the ack, by
/// the outbox, so the 3 seconds Slack gives a command never wait for a model.
/// </summary>
public sealed class AiRequests(OutboxSender outbox, IOptions<AiOptions> options)
{
    public SlackMessage Queue(StatusRequest request, AiPurpose purpose, string what)
    {
        var ticket = request.RequiredTicket;
        if (AiRules.Refusal(options.Value, ticket, ticket.Number) is { } why)
            return SlackMessage.Ephemeral(why);
        outbox.Send(new AiJob(purpose, ticket.Number, request.UserId, request.Slash.ChannelId, request.Slash.ResponseUrl).ToOutbox());
        return SlackMessage.Ephemeral($"Asking the language model for {what} *#{ticket.Number}*; it comes here, only to you, in a few seconds.");
    }
}
